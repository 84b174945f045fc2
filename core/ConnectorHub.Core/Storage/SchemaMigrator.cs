using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;
using DbUp.Postgresql;
using DbUp.Sqlite;
using DbUp.Support;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// Creates and upgrades the schema in place at start, data kept, with DbUp. Migrations are SQL scripts per provider
/// (<c>Storage/Migrations/{Sqlite,Postgres}/NNNN_name.sql</c>, embedded), applied in name order, all in one
/// transaction, each recorded by its file name in DbUp's journal (<see cref="JournalTable"/>). Several nodes may start
/// at once: on PostgreSQL an advisory lock, on SQLite the write lock the transaction takes first, lets one migrate.
/// </summary>
public sealed partial class SchemaMigrator(HubDatabase database, ILogger<SchemaMigrator> logger)
{
    /// <summary>DbUp's journal table: one row per script applied.</summary>
    public const string JournalTable = "schema_versions";

    private const long AdvisoryLockKey = 0x436F6E6E48756221; // "ConnHub!"

    /// <summary>The migrations shipped for the current provider, in order.</summary>
    public IReadOnlyList<Migration> Available => Discover(database.Provider);

    /// <summary>
    /// Applies every migration not yet applied (up to <paramref name="upToVersion"/> when given), all in one
    /// transaction; returns how many ran.
    /// </summary>
    public async Task<int> MigrateAsync(int? upToVersion = null, CancellationToken cancellationToken = default)
    {
        var scripts = Available.Where(m => m.Version <= (upToVersion ?? int.MaxValue)).Select(m => new SqlScript(m.ScriptName, m.Sql)).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
            try
            {
                await LegacyJournal.ImportAsync(connection, database.Provider, Journal(), cancellationToken);
                return Upgrade(DeployChanges.To.PostgresqlDatabase(new PostgresqlConnectionManager(database.PostgresDataSource)).JournalToPostgresqlTable(null, JournalTable), scripts);
            }
            finally
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }

        // WAL lets readers go on while a run writes; it is a property of the database file, set outside a transaction.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        await LegacyJournal.ImportAsync(connection, database.Provider, Journal(), cancellationToken);

        // DbUp's single transaction is BEGIN IMMEDIATE on SQLite: the write lock is taken before it reads the journal.
        return Upgrade(DeployChanges.To.SqliteDatabase(database.ConnectionString).JournalToSqliteTable(JournalTable), scripts);
    }

    /// <summary>The file names of the scripts recorded as applied, in order.</summary>
    public async Task<IReadOnlyList<string>> AppliedScriptsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var exists = database.Provider == StorageProvider.Postgres
            ? await connection.ExecuteScalarAsync<bool>($"SELECT to_regclass('{JournalTable}') IS NOT NULL")
            : await connection.ExecuteScalarAsync<bool>($"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{JournalTable}'");
        return exists ? (await connection.QueryAsync<string>($"SELECT scriptname FROM {JournalTable} ORDER BY scriptname")).ToArray() : [];
    }

    private int Upgrade(UpgradeEngineBuilder builder, SqlScript[] scripts)
    {
        var result = builder
            .WithScripts(scripts)
            .WithTransaction()
            .WithVariablesDisabled()
            .LogTo(logger)
            .Build()
            .PerformUpgrade();
        return result.Successful
            ? result.Scripts.Count()
            : throw new InvalidOperationException(
                $"The schema migration '{result.ErrorScript?.Name}' failed, so none of this start's migrations were applied: {result.Error.Message}", result.Error);
    }

    private TableJournal Journal()
    {
        var log = new MicrosoftUpgradeLog(logger);
        return database.Provider == StorageProvider.Postgres
            ? new PostgresqlTableJournal(() => new PostgresqlConnectionManager(database.PostgresDataSource), () => log, null, JournalTable)
            : new SqliteTableJournal(() => new SqliteConnectionManager(database.ConnectionString), () => log, JournalTable);
    }

    private static IReadOnlyList<Migration> Discover(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"ConnectorHub.Core.Storage.Migrations.{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"The migration script '{resource}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        return migrations.OrderBy(m => m.ScriptName, StringComparer.Ordinal).ToArray();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}

/// <summary>One schema migration script.</summary>
/// <param name="Version">Its number; migrations apply in the order of their file names, so of their numbers.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sql">The script.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The script's file name, <c>NNNN_name.sql</c>: what the journal records.</summary>
    public string ScriptName => $"{Version.ToString("0000", CultureInfo.InvariantCulture)}_{Name}.sql";
}
