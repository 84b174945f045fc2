using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Integration.Tests.Scheduling;

/// <summary>
/// A database from the version that scheduled with Quartz.NET: at start its schedules are rewritten into the hub's
/// cron, become Hangfire recurring jobs, and Quartz's tables are dropped; nothing else is lost.
/// </summary>
public sealed class QuartzUpgradeTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Start_MovesQuartzSchedulesOntoHangfire_AndDropsQuartzTables(StorageProvider provider)
    {
        Guid syncId;
        using var folder = new TestSupport.TempDirectory("quartz-upgrade");
        var connectionString = provider == StorageProvider.Postgres
            ? await (await TestSupport.PostgresServer.GetAsync()).CreateDatabaseAsync("hub")
            : $"Data Source={folder.Combine("hub.db")}";
        var settings = new Dictionary<string, string?> { ["ConnectorHub:Storage:ConnectionString"] = connectionString };
        await using (var before = await TestHub.StartAsync(provider, settings))
        {
            var (created, _) = await before.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 3 }, scheduleCron: "0 0 2 * * *");
            syncId = created.Id;
            await using var connection = await before.Services.GetRequiredService<HubDatabase>().OpenConnectionAsync(CancellationToken.None);
            // What the Quartz-era hub left: Quartz's own tables, and schedules in Quartz's dialect (days 1-7 from Sunday).
            await connection.ExecuteAsync(provider == StorageProvider.Postgres
                ? """
                  CREATE TABLE qrtz_job_details (sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, PRIMARY KEY (sched_name, job_name, job_group));
                  CREATE TABLE qrtz_triggers (sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, job_name text NOT NULL, job_group text NOT NULL,
                      PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
                  CREATE TABLE qrtz_cron_triggers (sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, cron_expression text NOT NULL,
                      FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group));
                  INSERT INTO qrtz_job_details VALUES ('ConnectorHub', 'sync-x', 'syncs');
                  """
                : """
                  CREATE TABLE QRTZ_JOB_DETAILS (SCHED_NAME TEXT NOT NULL, JOB_NAME TEXT NOT NULL, JOB_GROUP TEXT NOT NULL);
                  CREATE TABLE QRTZ_TRIGGERS (SCHED_NAME TEXT NOT NULL, TRIGGER_NAME TEXT NOT NULL, TRIGGER_GROUP TEXT NOT NULL);
                  CREATE TABLE QRTZ_CRON_TRIGGERS (SCHED_NAME TEXT NOT NULL, CRON_EXPRESSION TEXT NOT NULL);
                  INSERT INTO QRTZ_JOB_DETAILS VALUES ('ConnectorHub', 'sync-x', 'syncs');
                  """);
            await connection.ExecuteAsync("UPDATE syncs SET schedule_cron = '0 30 9 ? * 2-6'");
            await connection.ExecuteAsync("INSERT INTO segments (name, definition, schedule, created_at, updated_at) SELECT 'weekly', definition, '0 0 6 ? * 1', created_at, updated_at FROM (SELECT '{}' AS definition, created_at, updated_at FROM syncs) s"
                .Replace("'{}'", provider == StorageProvider.Postgres ? "CAST('{}' AS jsonb)" : "'{}'", StringComparison.Ordinal));
        }

        await using var after = await TestHub.StartAsync(provider, settings, withScheduler: true);

        await using var check = await after.Services.GetRequiredService<HubDatabase>().OpenConnectionAsync(CancellationToken.None);
        var quartzTables = await check.ExecuteScalarAsync<long>(provider == StorageProvider.Postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) LIKE 'qrtz%'"
            : "SELECT count(*) FROM sqlite_master WHERE lower(name) LIKE 'qrtz%'");
        using var hangfire = after.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = hangfire.GetRecurringJobs();
        var sync = await after.Syncs.GetAsync(syncId, CancellationToken.None);

        Assert.Equal(0, quartzTables);
        Assert.Equal("0 30 9 ? * 1-5", sync.ScheduleCron); // weekdays at 09:30, as before
        Assert.Equal("0 30 9 ? * 1-5", Assert.Single(recurring, j => j.Id == $"sync:{syncId:N}").Cron);
        Assert.Equal("0 0 6 ? * 0", Assert.Single(recurring, j => j.Id.StartsWith("segment:", StringComparison.Ordinal)).Cron); // Sundays
        Assert.Equal("numbers", sync.Name);
    }
}
