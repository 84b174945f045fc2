using System.Collections.Concurrent;
using System.Globalization;
using ConnectorHub.Core.IdentityResolution;
using Npgsql;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// Creates the monthly partitions of <c>events</c> on PostgreSQL before rows of that month arrive, each once (an
/// advisory lock serializes nodes creating the same one). Months outside 2000-2099 stay in the default partition,
/// so no created range ever overlaps rows already there.
/// </summary>
internal sealed class EventPartitions
{
    private const int PartitionLock = -2;
    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    public static string NameOf(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"events_{month.Year:D4}_{month.Month:D2}");

    public async Task EnsureAsync(NpgsqlDataSource dataSource, IEnumerable<DateTimeOffset> times, CancellationToken cancellationToken)
    {
        var missing = times.Select(t => t.UtcDateTime).Where(t => t.Year is >= 2000 and < 2100)
            .Select(t => new DateOnly(t.Year, t.Month, 1)).Distinct().Where(m => !_known.ContainsKey(m)).Order().ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @key)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<int>("space", IdentityLocks.Space));
            lockCommand.Parameters.Add(new NpgsqlParameter<int>("key", PartitionLock));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            // Names and bounds are built from dates only, never from input text.
            await using var command = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS {NameOf(month)} PARTITION OF events FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')", connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            _known[month] = true;
        }
    }
}
