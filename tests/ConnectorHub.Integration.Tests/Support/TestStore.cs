using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>A migrated, empty hub database on SQLite (a temp file) or PostgreSQL (a fresh database on the throwaway cluster).</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory? _folder;

    private TestStore(HubDatabase database, TempDirectory? folder)
    {
        Database = database;
        _folder = folder;
    }

    /// <summary>The database.</summary>
    public HubDatabase Database { get; }

    /// <summary>The provider.</summary>
    public StorageProvider Provider => Database.Provider;

    /// <summary>Creates an empty database, not yet migrated.</summary>
    public static async Task<TestStore> CreateEmptyAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            return new TestStore(new HubDatabase(provider, await server.CreateDatabaseAsync("hub")), null);
        }

        var folder = new TempDirectory("hub-sqlite");
        return new TestStore(new HubDatabase(provider, $"Data Source={folder.Combine("hub.db")}"), folder);
    }

    /// <summary>Creates a database with the current schema.</summary>
    public static async Task<TestStore> CreateAsync(StorageProvider provider)
    {
        var store = await CreateEmptyAsync(provider);
        await store.Migrator().MigrateAsync();
        return store;
    }

    /// <summary>A migrator for this database.</summary>
    public SchemaMigrator Migrator() => new(Database, NullLogger<SchemaMigrator>.Instance);

    /// <summary>A new EF Core context on this database.</summary>
    public HubDbContext CreateDbContext() =>
        new(ConnectorHubServiceCollectionExtensions.UseProvider(new DbContextOptionsBuilder<HubDbContext>(), Database).Options as DbContextOptions<HubDbContext>
            ?? throw new InvalidOperationException("Unexpected options type."));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
    }
}
