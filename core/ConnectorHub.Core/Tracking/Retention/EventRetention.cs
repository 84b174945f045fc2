using System.Globalization;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking.Retention;

/// <summary>
/// Removes events older than <see cref="TrackingOptions.RetentionDays"/> (by event time) with their dedup rows. On
/// PostgreSQL whole monthly partitions past the cut-off are dropped (cheap, no dead rows) and the rest deleted row by
/// row; on SQLite rows are deleted.
/// </summary>
public sealed class EventRetention(HubDatabase database, IOptions<TrackingOptions> options, TimeProvider time, ILogger<EventRetention> logger)
{
    /// <summary>Applies the retention once; returns the cut-off used, or null when retention is off.</summary>
    public async Task<DateTimeOffset?> ApplyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return null;
        }

        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var dropped = 0;
        if (database.Provider == StorageProvider.Postgres)
        {
            var partitions = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events'",
                cancellationToken: cancellationToken));
            foreach (var name in partitions)
            {
                // events_YYYY_MM holds one month: it goes when the month after it starts before the cut-off.
                if (DateOnly.TryParseExact(name.Replace("events_", string.Empty, StringComparison.Ordinal), "yyyy_MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                    && new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= cutoff)
                {
                    await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE {name}", cancellationToken: cancellationToken));
                    dropped++;
                }
            }
        }

        var at = StoredTime.Write(database.Provider, cutoff);
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM events WHERE event_time < @at", new { at }, cancellationToken: cancellationToken));
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM event_message_ids WHERE event_time < @at", new { at }, cancellationToken: cancellationToken));
        }

        logger.LogInformation("Event retention ({Days} days): dropped {Partitions} partitions and deleted {Rows} older events.", options.Value.RetentionDays, dropped, deleted);
        return cutoff;
    }
}
