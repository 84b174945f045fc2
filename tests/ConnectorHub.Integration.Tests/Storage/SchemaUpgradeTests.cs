using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;

namespace ConnectorHub.Integration.Tests.Storage;

/// <summary>A database made by an older version is upgraded in place at start, its data kept.</summary>
public sealed class SchemaUpgradeTests
{
    private static readonly Guid SyncId = Guid.Parse("0E4F1C2A-2222-4A4A-8A8A-000000000001");
    private static readonly Guid RunId = Guid.Parse("0E4F1C2A-3333-4A4A-8A8A-000000000001");

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Start_UpgradesAVersion2Database_MadeBeforeDbUp_AndKeepsItsConnectionsSyncsRunsAndCheckpoints(StorageProvider provider)
    {
        string connectionString;
        await using (var store = await TestStore.CreateEmptyAsync(provider))
        {
            // What the version-2 hub left: its first two scripts applied, recorded in its own journal, and data.
            await using var connection = await store.Database.OpenConnectionAsync(CancellationToken.None);
            foreach (var migration in store.Migrator().Available.Where(m => m.Version <= 2))
            {
                await connection.ExecuteAsync(migration.Sql);
            }

            await connection.ExecuteAsync(await File.ReadAllTextAsync(Fixture("v0002-journal.sql")));
            await connection.ExecuteAsync(await File.ReadAllTextAsync(Fixture($"v0002-data.{provider.ToString().ToLowerInvariant()}.sql")));
            connectionString = store.Database.ConnectionString;
            await using var hub = await TestHub.StartAsync(provider, new Dictionary<string, string?> { ["ConnectorHub:Storage:ConnectionString"] = connectionString });

            var applied = await store.Migrator().AppliedScriptsAsync();
            var oldJournalLeft = await connection.ExecuteScalarAsync<int>(provider == StorageProvider.Postgres
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'");
            var sync = await hub.Syncs.GetAsync(SyncId, CancellationToken.None);
            var run = await hub.Runs.GetAsync(RunId, CancellationToken.None);
            var rejects = await hub.Runs.RejectsAsync(RunId, 10, 0, CancellationToken.None);
            var connections = await hub.Connections.ListAsync(CancellationToken.None);

            Assert.Equal(store.Migrator().Available.Select(m => m.ScriptName), applied);
            Assert.Equal(0, oldJournalLeft);
            Assert.Equal(("numbers v2", "0 0 2 * * ?", "Europe/London"), (sync.Name, sync.ScheduleCron, sync.ScheduleTimeZone));
            Assert.Equal(new RunStreamView("numbers", 7, 6, 1), Assert.Single(run.Streams));
            Assert.Equal((RunStatus.Succeeded, new DateTimeOffset(2024, 6, 2, 1, 0, 5, TimeSpan.Zero)), (run.Status, run.FinishedAt!.Value));
            Assert.Equal("Row 4 has an unreadable value.", Assert.Single(rejects).Reason);
            Assert.Equal(["echo v2", "folder v2"], connections.Select(c => c.Name));
            Assert.Equal(7, connections[0].Config["count"]!.GetValue<int>());

            // The upgraded sync still runs, resuming from its version-2 checkpoint: nothing new to read.
            var next = await hub.Runner.RunAsync(SyncId, RunTrigger.Manual);
            Assert.Equal((RunStatus.Succeeded, 0L), (next.Status, next.Streams.Sum(s => s.RecordsRead)));
        }
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Start_UpgradesADatabaseMigratedPartway_ByDbUp(StorageProvider provider)
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        await store.Migrator().MigrateAsync(upToVersion: 4);

        var applied = await store.Migrator().MigrateAsync();

        Assert.Equal(store.Migrator().Available.Count(m => m.Version > 4), applied);
        Assert.Equal(store.Migrator().Available.Select(m => m.ScriptName), await store.Migrator().AppliedScriptsAsync());
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", name);
}
