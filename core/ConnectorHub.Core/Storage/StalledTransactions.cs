using System.Data.Common;
using System.Globalization;
using Dapper;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// PostgreSQL ends a transaction left idle longer than a timeout (<c>idle_in_transaction_session_timeout</c>): a node
/// that freezes in the middle of one (a long GC pause, a frozen VM) then releases its row locks for the node taking
/// over, and can commit nothing when it wakes. A working transaction of the hub is idle for milliseconds.
/// </summary>
internal static class StalledTransactions
{
    /// <summary>Makes PostgreSQL end <paramref name="transaction"/> once it sits idle for <paramref name="stalledAfter"/>.</summary>
    public static Task EndAfterAsync(DbConnection connection, DbTransaction transaction, TimeSpan stalledAfter, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Sql(stalledAfter), transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>The statement that sets the timeout for the current transaction.</summary>
    public static string Sql(TimeSpan stalledAfter) =>
        $"SET LOCAL idle_in_transaction_session_timeout = {((long)Math.Max(1, stalledAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)}";
}
