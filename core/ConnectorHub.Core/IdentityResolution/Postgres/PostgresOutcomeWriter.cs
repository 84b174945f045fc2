using ConnectorHub.Core.Profiles;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>
/// Writes a resolved batch set-based: binary COPY for new profiles, identifiers and their traits (nothing else can
/// hold those keys: the batch owns their locks), array-parameter statements for merges, re-dated identifiers and
/// trait upserts on existing profiles.
/// </summary>
internal sealed class PostgresOutcomeWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public async Task WriteAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await AllocateAsync(outcome, cancellationToken);
        await CopyProfilesAsync(outcome, now, cancellationToken);
        await MergeAsync(outcome, now, cancellationToken);
        await CopyIdentifiersAsync(outcome, cancellationToken);
        await RedateAsync(outcome, cancellationToken);
        await WriteTraitsAsync(outcome, cancellationToken);
        await TouchAsync(outcome, now, cancellationToken);
        await RecordHistoryAsync(outcome, now, cancellationToken);
    }

    private async Task AllocateAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        var fresh = outcome.Profiles.Where(p => p.ExistingId is null).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        await using var command = Command("SELECT nextval('profiles_id_seq') FROM generate_series(1, @n)");
        command.Parameters.Add(new NpgsqlParameter<int>("n", fresh.Length));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh[i++].Id = reader.GetInt64(0);
        }
    }

    private async Task CopyProfilesAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync("COPY profiles (id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var profile in outcome.Profiles.Where(p => p.ExistingId is null))
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(profile.Id, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task MergeAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.Losers.Count == 0)
        {
            return;
        }

        // Losers point at the final survivor, and so do the profiles merged into them before (lookups never chain).
        await using var command = Command(
            """
            UPDATE profiles p SET merged_into = m.survivor, updated_at = @now FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE p.id = m.loser;
            UPDATE profiles p SET merged_into = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE p.merged_into = m.loser;
            UPDATE profile_identifiers i SET profile_id = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE i.profile_id = m.loser;
            DELETE FROM profile_traits WHERE profile_id = ANY(@losers);
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]>("losers", outcome.Losers.Select(l => l.Loser).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("survivors", outcome.Losers.Select(l => outcome.Profiles[l.Profile].Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CopyIdentifiersAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY profile_identifiers (value, type, profile_id, lock_bucket, source, record_key, first_seen, last_seen) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in outcome.NewIdentifiers)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Identifier.Value, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Identifier.Type, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(outcome.Profiles[row.Profile].Id, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(IdentityLocks.BucketOf(row.Identifier), NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Source!, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.RecordKey, cancellationToken);
            await importer.WriteAsync(row.FirstSeen, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.LastSeen, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task RedateAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Redated.Count == 0)
        {
            return;
        }

        var rows = outcome.Redated;
        await using var command = Command(
            """
            UPDATE profile_identifiers i
            SET first_seen = u.first_seen, last_seen = u.last_seen,
                source = coalesce(u.source, i.source), record_key = CASE WHEN u.source IS NULL THEN i.record_key ELSE u.record_key END
            FROM unnest(@values, @types, @first, @last, @sources, @keys) AS u(value, type, first_seen, last_seen, source, record_key)
            WHERE i.value = u.value COLLATE "C" AND i.type = u.type COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("values", rows.Select(r => r.Identifier.Value).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", rows.Select(r => r.Identifier.Type).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("first", rows.Select(r => r.FirstSeen).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("last", rows.Select(r => r.LastSeen).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("sources", rows.Select(r => r.Source).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("keys", rows.Select(r => r.RecordKey).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteTraitsAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        var upserts = new List<(long Profile, TraitValue Trait)>();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY profile_traits (profile_id, name, value, search_value, source, observed_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (profile, trait) in outcome.TraitWrites)
            {
                var target = outcome.Profiles[profile];
                if (target.ExistingId is not null)
                {
                    upserts.Add((target.Id, trait));
                    continue;
                }

                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(target.Id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(trait.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(trait.Json, NpgsqlDbType.Jsonb, cancellationToken);
                await WriteNullableAsync(importer, FragmentTraits.SearchValue(trait.Json), cancellationToken);
                await importer.WriteAsync(trait.Source, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(trait.ObservedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (upserts.Count == 0)
        {
            return;
        }

        await using var command = Command(
            """
            INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at)
            SELECT u.profile_id, u.name, u.value::jsonb, u.search_value, u.source, u.observed_at
            FROM unnest(@profiles, @names, @values, @search, @sources, @observed) AS u(profile_id, name, value, search_value, source, observed_at)
            ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, search_value = excluded.search_value,
                source = excluded.source, observed_at = excluded.observed_at
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]>("profiles", upserts.Select(u => u.Profile).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", upserts.Select(u => u.Trait.Name).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("values", upserts.Select(u => u.Trait.Json).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("search", upserts.Select(u => FragmentTraits.SearchValue(u.Trait.Json)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("sources", upserts.Select(u => u.Trait.Source).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("observed", upserts.Select(u => u.Trait.ObservedAt).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task TouchAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touched = ChangedProfiles.Of(outcome);
        if (touched.Length == 0)
        {
            return;
        }

        await using var command = Command("UPDATE profiles SET updated_at = @now WHERE id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", touched));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordHistoryAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.Merges.Count > 0)
        {
            var merges = outcome.Merges;
            await using var command = Command(
                """
                INSERT INTO profile_merges (survivor_id, merged_id, identifier_type, identifier_value, source, record_key, observed_at, merged_at)
                SELECT u.*, @now FROM unnest(@survivors, @merged, @types, @values, @sources, @keys, @observed) AS u
                """);
            command.Parameters.Add(new NpgsqlParameter<long[]>("survivors", merges.Select(m => m.SurvivorId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long[]>("merged", merges.Select(m => m.MergedId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", merges.Select(m => m.Cause.Type).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("values", merges.Select(m => m.Cause.Value).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("sources", merges.Select(m => m.Fragment.Source).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("keys", merges.Select(m => m.Fragment.RecordKey).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("observed", merges.Select(m => m.Fragment.ObservedAt).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (outcome.Drops.Count > 0)
        {
            var drops = outcome.Drops;
            await using var command = Command(
                """
                INSERT INTO identifier_drops (profile_id, identifier_type, identifier_value, reason, source, record_key, observed_at, dropped_at)
                SELECT u.*, @now FROM unnest(@profiles, @types, @values, @reasons, @sources, @keys, @observed) AS u
                ON CONFLICT (profile_id, identifier_type, identifier_value) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter<long[]>("profiles", drops.Select(d => outcome.Profiles[d.Profile].Id).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", drops.Select(d => d.Identifier.Type).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("values", drops.Select(d => d.Identifier.Value).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", drops.Select(d => d.Reason.Describe(outcome.Profiles)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("sources", drops.Select(d => d.Fragment.Source).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("keys", drops.Select(d => d.Fragment.RecordKey).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("observed", drops.Select(d => d.Fragment.ObservedAt).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
