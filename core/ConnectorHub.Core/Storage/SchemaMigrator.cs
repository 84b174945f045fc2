using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// Creates and upgrades the schema in place at start, data kept. Migrations are numbered SQL scripts per provider
/// (<c>Storage/Migrations/{Sqlite,Postgres}/NNNN_name.sql</c>, embedded), applied in order, each in a transaction
/// and recorded in <c>schema_migrations</c>. On PostgreSQL an advisory lock lets several nodes start at once.
/// </summary>
public sealed partial class SchemaMigrator(HubDatabase database, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x436F6E6E48756221; // "ConnHub!"

    /// <summary>The migrations shipped for the current provider, in order.</summary>
    public IReadOnlyList<Migration> Available => Discover(database.Provider);

    /// <summary>
    /// Applies every migration not yet applied (up to <paramref name="upToVersion"/> when given), all in one
    /// transaction; returns how many ran.
    /// </summary>
    public async Task<int> MigrateAsync(int? upToVersion = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await LockAsync(connection, cancellationToken);
        try
        {
            await connection.ExecuteAsync(CreateHistoryTableSql);

            // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before reading what is applied.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations", transaction: transaction)).ToHashSet();
            var pending = Available.Where(m => !applied.Contains(m.Version) && m.Version <= (upToVersion ?? int.MaxValue)).ToArray();
            foreach (var migration in pending)
            {
                logger.LogInformation("Applying schema migration {Version} {Name}.", migration.Version, migration.Name);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                    transaction);
            }

            await transaction.CommitAsync(cancellationToken);
            return pending.Length;
        }
        finally
        {
            await UnlockAsync(connection, cancellationToken);
        }
    }

    /// <summary>The versions recorded as applied.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(CreateHistoryTableSql);
        return (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToArray();
    }

    private const string CreateHistoryTableSql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    private async Task LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        }
        else
        {
            // WAL lets readers go on while a run writes; it is a property of the database file.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        }
    }

    private async Task UnlockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        }
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

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"Two {provider} migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.")
            : migrations.OrderBy(m => m.Version).ToArray();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}

/// <summary>One schema migration script.</summary>
/// <param name="Version">Its number; migrations apply in this order.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sql">The script.</param>
public sealed record Migration(int Version, string Name, string Sql);
