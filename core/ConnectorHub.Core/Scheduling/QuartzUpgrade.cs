using ConnectorHub.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Upgrades a database made when Quartz.NET ran the schedules: the schedules stored in the hub's tables (syncs,
/// segments, activations) are rewritten from Quartz's cron dialect into the hub's (<see cref="QuartzCron"/>), and
/// Quartz's own tables are dropped. Hangfire's recurring jobs are then made from the hub's tables as on every start.
/// Runs once: Quartz's tables are what marks such a database.
/// </summary>
internal sealed class QuartzUpgrade(HubDatabase database, ILogger<QuartzUpgrade> logger)
{
    private static readonly (string Table, string Column)[] Schedules = [("syncs", "schedule_cron"), ("segments", "schedule"), ("activations", "schedule")];

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var quartzTables = (await connection.QueryAsync<string>(database.Provider == StorageProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND lower(table_name) LIKE 'qrtz%'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'")).ToArray();
        if (quartzTables.Length == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (table, column) in Schedules)
        {
            var rows = await connection.QueryAsync<(object Id, string Cron)>(
                $"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL", transaction: transaction);
            foreach (var (id, cron) in rows)
            {
                var converted = QuartzCron.ToHubCron(cron);
                if (converted is null)
                {
                    logger.LogWarning("The Quartz schedule '{Cron}' of {Table} {Id} has no equivalent (a year field); it is cleared. Set a new schedule.", cron, table, id);
                }

                await connection.ExecuteAsync($"UPDATE {table} SET {column} = @converted WHERE id = @id", new { converted, id }, transaction);
            }
        }

        // Quartz's tables reference each other: drop the dependent ones first (CASCADE on PostgreSQL does it for us).
        foreach (var table in quartzTables.OrderBy(t => t.Contains("job_details", StringComparison.OrdinalIgnoreCase) ? 1 : 0))
        {
            await connection.ExecuteAsync(database.Provider == StorageProvider.Postgres ? $"DROP TABLE IF EXISTS \"{table}\" CASCADE" : $"DROP TABLE IF EXISTS \"{table}\"", transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Upgraded from Quartz: schedules rewritten for Hangfire, {Count} Quartz tables dropped.", quartzTables.Length);
    }
}
