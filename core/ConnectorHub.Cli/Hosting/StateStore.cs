using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Core.Storage;
using Npgsql;

namespace ConnectorHub.Cli.Hosting;

/// <summary>Where the CLI keeps connections, syncs, runs and checkpoints: a SQLite file or a PostgreSQL database.</summary>
/// <param name="Provider">The database kind.</param>
/// <param name="ConnectionString">The ADO.NET connection string.</param>
/// <param name="Description">How to name it in messages, without credentials.</param>
internal sealed record StateStore(StorageProvider Provider, string ConnectionString, string Description)
{
    /// <summary>The SQLite file used when neither <c>--state</c> nor <c>--storage</c> is given.</summary>
    public const string DefaultFile = "connectorhub-state.db";

    /// <summary>The store named by <c>--state FILE</c> or <c>--storage CONNECTION-STRING</c> (at most one of them).</summary>
    public static StateStore From(string? stateFile, string? storage, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(stateFile) && !string.IsNullOrWhiteSpace(storage))
        {
            throw CliException.Usage("Give either --state (a SQLite file) or --storage (a PostgreSQL connection string), not both.");
        }

        if (!string.IsNullOrWhiteSpace(storage))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(storage);
            }
            catch (ArgumentException ex)
            {
                throw CliException.Usage($"--storage is not a PostgreSQL connection string ({ex.Message}). Example: \"Host=127.0.0.1;Port=5432;Database=connectorhub;Username=hub;Password=...\".");
            }

            return new StateStore(StorageProvider.Postgres, storage, $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}");
        }

        var file = Path.GetFullPath(string.IsNullOrWhiteSpace(stateFile) ? DefaultFile : stateFile, workingDirectory);
        if (Directory.Exists(file))
        {
            throw CliException.Usage($"--state '{file}' is a folder; give the path of a SQLite file, such as {Path.Combine(file, DefaultFile)}.");
        }

        return new StateStore(StorageProvider.Sqlite, $"Data Source={file}", $"SQLite file {file}");
    }
}
