using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Npgsql;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>The identity graph on PostgreSQL: advisory locks per identifier bucket, array lookups, binary COPY.</summary>
internal sealed class PostgresIdentityStore(HubDatabase database) : IIdentityStore
{
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
            await using (var command = new NpgsqlCommand(string.Empty, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<int>("space", IdentityLocks.Space));
                command.Parameters.Add(new NpgsqlParameter<int>("global", IdentityLocks.Global));
                if (exclusive)
                {
                    command.CommandText = "SELECT pg_advisory_xact_lock(@space, @global)";
                }
                else
                {
                    // unnest walks the array in order, so the buckets are taken in ascending order.
                    command.CommandText = "SELECT pg_advisory_xact_lock_shared(@space, @global); SELECT count(pg_advisory_xact_lock(@space, b)) FROM unnest(@buckets) AS b";
                    command.Parameters.Add(new NpgsqlParameter<int[]>("buckets", buckets.ToArray()));
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PostgresIdentityTransaction(connection, transaction, exclusive ? null : buckets);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
