using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Npgsql;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>The identity graph on PostgreSQL: advisory locks per identifier bucket, array lookups, binary COPY.</summary>
internal sealed class PostgresIdentityStore(HubDatabase database) : IIdentityStore
{
    public bool HasConcurrentWriters => true;

    public async Task<IIdentityTransaction> BeginAsync(IReadOnlyCollection<Identifier> identifiers, IReadOnlySet<int> extraBuckets, bool exclusive, CancellationToken cancellationToken)
    {
        var buckets = new SortedSet<int>(extraBuckets);
        foreach (var identifier in identifiers)
        {
            buckets.Add(IdentityLocks.BucketOf(identifier));
        }

        exclusive |= buckets.Count > IdentityLocks.MaxBuckets;
        var connection = await database.PostgresDataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // The locks travel with the lookup, in the same round trip and before it.
            var global = new NpgsqlBatchCommand(exclusive ? "SELECT pg_advisory_xact_lock(@space, @global)" : "SELECT pg_advisory_xact_lock_shared(@space, @global)");
            global.Parameters.Add(new NpgsqlParameter<int>("space", IdentityLocks.Space));
            global.Parameters.Add(new NpgsqlParameter<int>("global", IdentityLocks.Global));
            // Every statement of a batch is driven by keys it holds in arrays: probe the indexes row by row. Left to
            // itself the planner hashes the whole identifier table for a 30,000-key lookup (seconds at a few million rows).
            var plan = new NpgsqlBatchCommand("SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)");
            List<NpgsqlBatchCommand> locks = [plan, global];
            if (!exclusive)
            {
                // unnest walks the array in order, so the buckets are taken in ascending order.
                var perBucket = new NpgsqlBatchCommand("SELECT count(pg_advisory_xact_lock(@space, b)) FROM unnest(@buckets) AS b");
                perBucket.Parameters.Add(new NpgsqlParameter<int>("space", IdentityLocks.Space));
                perBucket.Parameters.Add(new NpgsqlParameter<int[]>("buckets", buckets.ToArray()));
                locks.Add(perBucket);
            }

            return new PostgresIdentityTransaction(connection, transaction, locks, exclusive ? null : buckets);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
