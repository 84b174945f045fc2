using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using DbUp.Engine;
using DbUp.Support;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// Before DbUp, the hub recorded its migrations in <c>schema_migrations</c> (version, name, applied_at). The first
/// start on DbUp copies those into DbUp's journal and drops the old table, in one transaction under the migration
/// lock, so a database made by an earlier version goes on upgrading in place.
/// </summary>
internal static class LegacyJournal
{
    private const string Table = "schema_migrations";

    public static async Task ImportAsync(DbConnection connection, StorageProvider provider, TableJournal journal, CancellationToken cancellationToken)
    {
        // On SQLite this is BEGIN IMMEDIATE: two nodes starting at once import once.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var exists = provider == StorageProvider.Postgres
            ? await connection.ExecuteScalarAsync<bool>($"SELECT to_regclass('{Table}') IS NOT NULL", transaction: transaction)
            : await connection.ExecuteScalarAsync<bool>($"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{Table}'", transaction: transaction);
        if (!exists)
        {
            return;
        }

        var applied = await connection.QueryAsync<(string Version, string Name)>($"SELECT CAST(version AS text), name FROM {Table} ORDER BY version", transaction: transaction);
        IDbCommand Command()
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            return command;
        }

        foreach (var (version, name) in applied)
        {
            var script = new Migration(int.Parse(version, CultureInfo.InvariantCulture), name, string.Empty).ScriptName;
            journal.StoreExecutedScript(new SqlScript(script, string.Empty), Command);
        }

        await connection.ExecuteAsync($"DROP TABLE {Table}", transaction: transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
