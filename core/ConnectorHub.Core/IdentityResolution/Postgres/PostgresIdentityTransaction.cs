using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;
using Npgsql;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>One resolution batch on PostgreSQL, holding its identity locks until it commits or rolls back.</summary>
internal sealed class PostgresIdentityTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, List<NpgsqlBatchCommand> locks, SortedSet<int>? heldBuckets) : IIdentityTransaction
{
    public async Task<Dictionary<Identifier, StoredIdentifier>> LookupAsync(IReadOnlyCollection<Identifier> identifiers, CancellationToken cancellationToken)
    {
        // In key order, so successive index probes land on neighbouring pages.
        var sorted = identifiers.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Value, b.Value) is var byValue and not 0 ? byValue : string.CompareOrdinal(a.Type, b.Type));
        var values = new string[sorted.Length];
        var types = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            values[i] = sorted[i].Value;
            types[i] = sorted[i].Type;
        }

        var lookup = new NpgsqlBatchCommand(
            """
            SELECT i.type, i.value, i.profile_id, i.first_seen, i.last_seen
            FROM unnest(@values, @types) AS q(value, type)
            JOIN profile_identifiers i ON i.value = q.value COLLATE "C" AND i.type = q.type COLLATE "C"
            """);
        lookup.Parameters.Add(new NpgsqlParameter<string[]>("values", values));
        lookup.Parameters.Add(new NpgsqlParameter<string[]>("types", types));
        await using var batch = new NpgsqlBatch(connection, transaction);
        locks.ForEach(batch.BatchCommands.Add);
        batch.BatchCommands.Add(lookup);
        var found = new Dictionary<Identifier, StoredIdentifier>(identifiers.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var _ in locks)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            found[new Identifier(reader.GetString(0), reader.GetString(1))] = new StoredIdentifier(
                reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4));
        }

        return found;
    }

    public async Task<ProfileLoad> LoadProfilesAsync(IReadOnlyCollection<long> profileIds, int reserve, CancellationToken cancellationToken)
    {
        var profiles = profileIds.ToDictionary(id => id, id => new StoredProfile(id));
        var ids = profileIds.ToArray();
        var buckets = new SortedSet<int>();
        var reserved = new List<long>(reserve);
        await using var command = new NpgsqlCommand(
            """
            SELECT nextval('profiles_id_seq') FROM generate_series(1, @reserve);
            SELECT profile_id, type, lock_bucket FROM profile_identifiers WHERE profile_id = ANY(@ids);
            SELECT profile_id, name, value::text, source, observed_at FROM profile_traits WHERE profile_id = ANY(@ids);
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        command.Parameters.Add(new NpgsqlParameter<int>("reserve", reserve));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reserved.Add(reader.GetInt64(0));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var counts = profiles[reader.GetInt64(0)].TypeCounts;
                var type = reader.GetString(1);
                counts[type] = counts.GetValueOrDefault(type) + 1;
                if (heldBuckets is not null && !heldBuckets.Contains(reader.GetInt32(2)))
                {
                    buckets.Add(reader.GetInt32(2));
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var trait = new TraitValue(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
                profiles[reader.GetInt64(0)].Traits[trait.Name] = trait;
            }
        }

        return new ProfileLoad(profiles, await TryLockAsync(buckets, cancellationToken), reserved);
    }

    public Task ApplyAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        new PostgresOutcomeWriter(connection, transaction).WriteAsync(outcome, now, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>Takes the buckets not held yet without waiting (waiting out of order could deadlock); returns those refused.</summary>
    private async Task<IReadOnlySet<int>> TryLockAsync(SortedSet<int> buckets, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
        {
            return buckets;
        }

        await using var command = new NpgsqlCommand("SELECT b FROM unnest(@buckets) AS b WHERE NOT pg_try_advisory_xact_lock(@space, b)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int[]>("buckets", buckets.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int>("space", IdentityLocks.Space));
        var refused = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            refused.Add(reader.GetInt32(0));
        }

        if (refused.Count > 0)
        {
            refused.UnionWith(buckets);
        }
        else
        {
            heldBuckets!.UnionWith(buckets);
        }

        return refused;
    }
}
