using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;

namespace ConnectorHub.Integration.Tests.Storage;

public sealed class SchemaMigratorTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Migrate_CreatesTheWholeSchema_OnAnEmptyDatabase(StorageProvider provider)
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);

        var applied = await store.Migrator().MigrateAsync();

        Assert.Equal(store.Migrator().Available.Count, applied);
        Assert.Equal(store.Migrator().Available.Select(m => m.ScriptName), await store.Migrator().AppliedScriptsAsync());
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Migrate_IsANoOp_OnAnUpToDateDatabase(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);

        Assert.Equal(0, await store.Migrator().MigrateAsync());
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Migrate_RunsConcurrentlyFromSeveralNodes_WithoutApplyingTwice(StorageProvider provider)
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => store.Migrator().MigrateAsync())));

        Assert.Equal(store.Migrator().Available.Count, results.Sum());
        await using var connection = await store.Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(store.Migrator().Available.Count, await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {SchemaMigrator.JournalTable}"));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Migrate_AppliesNothing_WhenOneScriptFails_AndNamesIt(StorageProvider provider)
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        await store.Migrator().MigrateAsync(upToVersion: 2);
        await using (var connection = await store.Database.OpenConnectionAsync(CancellationToken.None))
        {
            // Something already holds the name a later migration creates.
            await connection.ExecuteAsync("CREATE TABLE users (id integer)");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Migrator().MigrateAsync());

        Assert.Contains("The schema migration '0004_access.sql' failed, so none of this start's migrations were applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(["0001_data_protection_keys.sql", "0002_sync_engine.sql"], await store.Migrator().AppliedScriptsAsync());
        await using var check = await store.Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(0, await check.ExecuteScalarAsync<int>(provider == StorageProvider.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'profiles'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'profiles'"));
    }

    [Fact]
    public void EveryMigration_ShipsForBothStores_UnderTheSameName()
    {
        var sqlite = new SchemaMigrator(new HubDatabase(StorageProvider.Sqlite, "Data Source=:memory:"), Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);
        var postgres = new SchemaMigrator(new HubDatabase(StorageProvider.Postgres, "Host=127.0.0.1"), Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);

        Assert.Equal(postgres.Available.Select(m => m.ScriptName), sqlite.Available.Select(m => m.ScriptName));
    }
}
