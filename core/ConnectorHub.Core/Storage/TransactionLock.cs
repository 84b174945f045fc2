using System.Data.Common;
using Dapper;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// A PostgreSQL advisory lock held for one transaction, fenced against a stalled holder: the transaction is ended by
/// the server once it sits idle longer than the given timeout, which releases the lock for the next waiter and rolls
/// back the stalled holder's writes, so a node that freezes mid-transaction and wakes later commits nothing.
/// </summary>
internal static class TransactionLock
{
    /// <summary>Waits for the lock (<paramref name="lockClass"/>, <paramref name="key"/>) inside <paramref name="transaction"/>.</summary>
    public static Task TakeAsync(DbConnection connection, DbTransaction transaction, int lockClass, int key, TimeSpan stalledAfter, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"{StalledTransactions.Sql(stalledAfter)}; SELECT pg_advisory_xact_lock(@lockClass, @key)",
            new { lockClass, key }, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
}
