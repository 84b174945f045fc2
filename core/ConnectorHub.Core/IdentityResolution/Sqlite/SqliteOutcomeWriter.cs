using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.IdentityResolution.Sqlite;

/// <summary>Writes a resolved batch on SQLite with multi-row inserts and prepared per-row updates.</summary>
internal sealed class SqliteOutcomeWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public async Task WriteAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = SqliteTime.Write(now);
        await Insert("profiles", ["id", "created_at", "updated_at"]).InsertAsync(
            outcome.Profiles.Where(p => p.ExistingId is null).Select(p => new object?[] { p.Id, at, at }), cancellationToken);
        await MergeAsync(outcome, at, cancellationToken);
        await Insert("profile_identifiers", ["value", "type", "profile_id", "lock_bucket", "source", "record_key", "first_seen", "last_seen"]).InsertAsync(
            outcome.NewIdentifiers.Select(r => new object?[]
            {
                r.Identifier.Value, r.Identifier.Type, outcome.Profiles[r.Profile].Id, IdentityLocks.BucketOf(r.Identifier), r.Source, r.RecordKey,
                SqliteTime.Write(r.FirstSeen), SqliteTime.Write(r.LastSeen),
            }), cancellationToken);
        await RedateAsync(outcome, cancellationToken);
        await Insert("profile_traits", ["profile_id", "name", "value", "search_value", "source", "observed_at"],
            "ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, search_value = excluded.search_value, source = excluded.source, observed_at = excluded.observed_at")
            .InsertAsync(outcome.TraitWrites.Select(t => new object?[]
            {
                outcome.Profiles[t.Profile].Id, t.Trait.Name, t.Trait.Json, FragmentTraits.SearchValue(t.Trait.Json), t.Trait.Source, SqliteTime.Write(t.Trait.ObservedAt),
            }), cancellationToken);
        await ExecuteForEachAsync("UPDATE profiles SET updated_at = $p0 WHERE id = $p1", ChangedProfiles.Of(outcome).Select(id => new object?[] { at, id }), cancellationToken);
        await Insert("profile_merges", ["survivor_id", "merged_id", "identifier_type", "identifier_value", "source", "record_key", "observed_at", "reason", "merged_at"]).InsertAsync(
            outcome.Merges.Select(m => new object?[]
            {
                m.SurvivorId, m.MergedId, m.Cause.Type, m.Cause.Value, m.Fragment.Source, m.Fragment.RecordKey, SqliteTime.Write(m.Fragment.ObservedAt), m.Reason, at,
            }), cancellationToken);
        await Insert("identifier_drops", ["profile_id", "identifier_type", "identifier_value", "reason", "source", "record_key", "observed_at", "dropped_at"],
            "ON CONFLICT (profile_id, identifier_type, identifier_value) DO NOTHING").InsertAsync(
            outcome.Drops.Select(d => new object?[]
            {
                outcome.Profiles[d.Profile].Id, d.Identifier.Type, d.Identifier.Value, d.Reason.Describe(outcome.Profiles), d.Fragment.Source, d.Fragment.RecordKey,
                SqliteTime.Write(d.Fragment.ObservedAt), at,
            }), cancellationToken);
    }

    private Task MergeAsync(ResolutionOutcome outcome, long at, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(
            """
            UPDATE profiles SET merged_into = $p1, updated_at = $p2 WHERE id = $p0;
            UPDATE profiles SET merged_into = $p1 WHERE merged_into = $p0;
            UPDATE profile_identifiers SET profile_id = $p1 WHERE profile_id = $p0;
            DELETE FROM profile_traits WHERE profile_id = $p0;
            UPDATE events SET profile_id = $p1 WHERE profile_id = $p0;
            UPDATE orders SET profile_id = $p1 WHERE profile_id = $p0;
            """,
            outcome.Losers.Select(l => new object?[] { l.Loser, outcome.Profiles[l.Profile].Id, at }), cancellationToken);

    private Task RedateAsync(ResolutionOutcome outcome, CancellationToken cancellationToken) =>
        ExecuteForEachAsync(
            """
            UPDATE profile_identifiers SET first_seen = $p2, last_seen = $p3,
                source = coalesce($p4, source), record_key = CASE WHEN $p4 IS NULL THEN record_key ELSE $p5 END
            WHERE value = $p0 AND type = $p1
            """,
            outcome.Redated.Select(r => new object?[]
            {
                r.Identifier.Value, r.Identifier.Type, SqliteTime.Write(r.FirstSeen), SqliteTime.Write(r.LastSeen), r.Source, r.RecordKey,
            }), cancellationToken);

    private async Task ExecuteForEachAsync(string sql, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        SqliteCommand? command = null;
        try
        {
            foreach (var row in rows)
            {
                if (command is null)
                {
                    command = Command(sql);
                    for (var i = 0; i < row.Length; i++)
                    {
                        command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    }
                }

                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private SqliteBulkInsert Insert(string table, string[] columns, string suffix = "") => new(connection, transaction, table, columns, suffix);

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
