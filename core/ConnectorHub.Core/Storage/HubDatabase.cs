using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// The hub's database connection source, for hand-written SQL on hot paths and for schema migration.
/// EF Core uses the same connection string through <see cref="HubDbContext"/>.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    /// <summary>Creates the connection source for <paramref name="provider"/>.</summary>
    public HubDatabase(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = provider == StorageProvider.Sqlite ? WithSqliteDefaults(connectionString) : connectionString;
        if (provider == StorageProvider.Postgres)
        {
            _postgres = new NpgsqlDataSourceBuilder(ConnectionString).Build();
        }
    }

    /// <summary>The provider.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The connection string in use.</summary>
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL data source; throws on SQLite.</summary>
    public NpgsqlDataSource PostgresDataSource => _postgres
        ?? throw new InvalidOperationException("The hub runs on SQLite; this operation needs PostgreSQL.");

    /// <summary>Opens a connection.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static string WithSqliteDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Wait for a busy writer rather than failing at once: runs, the API and the scheduler share one file.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        builder.Pooling = true;
        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
