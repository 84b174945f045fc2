using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.IdentityResolution.Postgres;
using ConnectorHub.Core.IdentityResolution.Sqlite;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>An empty, migrated hub database (a fresh database on the throwaway PostgreSQL, or a temp SQLite file) and a resolver on it.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly TempDirectory? _folder;

    private BenchStore(HubDatabase database, TempDirectory? folder)
    {
        Database = database;
        _folder = folder;
    }

    public HubDatabase Database { get; }

    public static async Task<BenchStore> CreateAsync(StorageProvider provider)
    {
        BenchStore store;
        if (provider == StorageProvider.Postgres)
        {
            store = new BenchStore(new HubDatabase(provider, await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench")), null);
        }
        else
        {
            var folder = new TempDirectory("bench-sqlite");
            store = new BenchStore(new HubDatabase(provider, $"Data Source={folder.Combine("hub.db")}"), folder);
        }

        await new SchemaMigrator(store.Database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return store;
    }

    public IdentityResolver Resolver(int batchSize, int concurrentBatches = 2) => new(
        Database.Provider == StorageProvider.Postgres ? new PostgresIdentityStore(Database) : new SqliteIdentityStore(Database),
        new IdentityRules(Options.Create(new IdentityOptions { BatchSize = batchSize, ConcurrentBatches = concurrentBatches })),
        TimeProvider.System,
        NullLogger<IdentityResolver>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
    }
}
