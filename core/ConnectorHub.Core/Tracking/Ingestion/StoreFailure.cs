using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Tells a failure of the store itself (a lost connection, a lock that timed out, a full disk: retrying later helps,
/// whatever the events) from a failure caused by what a commit carried (a value the store refuses): only the second
/// is worth retrying the group's requests one by one to find whose content it was.
/// </summary>
internal static class StoreFailure
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        // Connection (08), rolled back for serialization or deadlock (40), out of resources (53), shut down or
        // cancelled by an operator (57), system errors (58).
        PostgresException postgres => postgres.SqlState[..2] is "08" or "40" or "53" or "57" or "58",
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14, // BUSY, LOCKED, IOERR, FULL, CANTOPEN
        TimeoutException or TrackingUnavailableException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>What the store said, short enough for a rejection reason.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}",
        SqliteException sqlite => sqlite.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
