using ConnectorHub.Core.Profiles;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>
/// Writes a resolved batch set-based, in few round trips: binary COPY for new identifiers and the traits of new
/// profiles (nothing else can hold those keys: the batch owns their locks), then one batch of array-parameter
/// statements for new profiles, merges, re-dated identifiers, trait upserts on existing profiles and history.
/// </summary>
internal sealed class PostgresOutcomeWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public async Task WriteAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await CopyIdentifiersAsync(outcome, cancellationToken);
        var upserts = await CopyNewTraitsAsync(outcome, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        Add(batch, "INSERT INTO profiles (id, created_at, updated_at) SELECT id, @now, @now FROM unnest(@ids) AS id",
            Parameter("ids", outcome.Profiles.Where(p => p.ExistingId is null).Select(p => p.Id).ToArray()), Parameter("now", now));
        if (outcome.Losers.Count > 0)
        {
            // Losers point at the final survivor, and so do the profiles merged into them before (lookups never chain).
            var losers = Parameter("losers", outcome.Losers.Select(l => l.Loser).ToArray());
            var survivors = Parameter("survivors", outcome.Losers.Select(l => outcome.Profiles[l.Profile].Id).ToArray());
            Add(batch, "UPDATE profiles p SET merged_into = m.survivor, updated_at = @now FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE p.id = m.loser",
                losers, survivors, Parameter("now", now));
            Add(batch, "UPDATE profiles p SET merged_into = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE p.merged_into = m.loser", losers.Clone(), survivors.Clone());
            Add(batch, "UPDATE profile_identifiers i SET profile_id = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE i.profile_id = m.loser", losers.Clone(), survivors.Clone());
            Add(batch, "DELETE FROM profile_traits WHERE profile_id = ANY(@losers)", losers.Clone());

            // Events and orders follow their person to the survivor, so readers by profile id find them all.
            Add(batch, "UPDATE events e SET profile_id = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE e.profile_id = m.loser", losers.Clone(), survivors.Clone());
            Add(batch, "UPDATE orders o SET profile_id = m.survivor FROM unnest(@losers, @survivors) AS m(loser, survivor) WHERE o.profile_id = m.loser", losers.Clone(), survivors.Clone());
        }

        AddRedates(batch, outcome.Redated);
        AddTraitUpserts(batch, upserts);
        Add(batch, "UPDATE profiles SET updated_at = @now WHERE id = ANY(@ids)", Parameter("ids", ChangedProfiles.Of(outcome)), Parameter("now", now));
        PostgresHistory.Add(batch, outcome, now);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CopyIdentifiersAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY profile_identifiers (value, type, profile_id, lock_bucket, source, record_key, first_seen, last_seen) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // In key order: the primary key index is filled page by page rather than at random.
        outcome.NewIdentifiers.Sort(static (a, b) => string.CompareOrdinal(a.Identifier.Value, b.Identifier.Value) is var byValue and not 0 ? byValue : string.CompareOrdinal(a.Identifier.Type, b.Identifier.Type));
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

    /// <summary>Copies the traits of new profiles; returns those of existing profiles, which need an upsert.</summary>
    private async Task<List<(long Profile, TraitValue Trait)>> CopyNewTraitsAsync(ResolutionOutcome outcome, CancellationToken cancellationToken)
    {
        var upserts = new List<(long Profile, TraitValue Trait)>();
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY profile_traits (profile_id, name, value, search_value, source, observed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
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
        return upserts;
    }

    private static void AddRedates(NpgsqlBatch batch, List<IdentifierWrite> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Add(batch,
            """
            UPDATE profile_identifiers i
            SET first_seen = u.first_seen, last_seen = u.last_seen,
                source = coalesce(u.source, i.source), record_key = CASE WHEN u.source IS NULL THEN i.record_key ELSE u.record_key END
            FROM unnest(@values, @types, @first, @last, @sources, @keys) AS u(value, type, first_seen, last_seen, source, record_key)
            WHERE i.value = u.value COLLATE "C" AND i.type = u.type COLLATE "C"
            """,
            Parameter("values", rows.Select(r => r.Identifier.Value).ToArray()),
            Parameter("types", rows.Select(r => r.Identifier.Type).ToArray()),
            Parameter("first", rows.Select(r => r.FirstSeen).ToArray()),
            Parameter("last", rows.Select(r => r.LastSeen).ToArray()),
            Parameter("sources", rows.Select(r => r.Source).ToArray()),
            Parameter("keys", rows.Select(r => r.RecordKey).ToArray()));
    }

    private static void AddTraitUpserts(NpgsqlBatch batch, List<(long Profile, TraitValue Trait)> upserts)
    {
        if (upserts.Count == 0)
        {
            return;
        }

        Add(batch,
            """
            INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at)
            SELECT u.profile_id, u.name, u.value::jsonb, u.search_value, u.source, u.observed_at
            FROM unnest(@profiles, @names, @values, @search, @sources, @observed) AS u(profile_id, name, value, search_value, source, observed_at)
            ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, search_value = excluded.search_value,
                source = excluded.source, observed_at = excluded.observed_at
            """,
            Parameter("profiles", upserts.Select(u => u.Profile).ToArray()),
            Parameter("names", upserts.Select(u => u.Trait.Name).ToArray()),
            Parameter("values", upserts.Select(u => u.Trait.Json).ToArray()),
            Parameter("search", upserts.Select(u => FragmentTraits.SearchValue(u.Trait.Json)).ToArray()),
            Parameter("sources", upserts.Select(u => u.Trait.Source).ToArray()),
            Parameter("observed", upserts.Select(u => u.Trait.ObservedAt).ToArray()));
    }

    internal static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    internal static NpgsqlParameter Parameter<T>(string name, T value) => new NpgsqlParameter<T>(name, value);

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
