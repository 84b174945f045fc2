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
        Assert.Equal(store.Migrator().Available.Select(m => m.Version), await store.Migrator().AppliedVersionsAsync());
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
        Assert.Equal(store.Migrator().Available.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
    }
}
