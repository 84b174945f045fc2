using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Access;

/// <summary>
/// Dashboard sign-ins kept in the hub's database (<c>dashboard_sessions</c>): the browser's cookie carries only a
/// session key, so ending a session here ends it for every copy of the cookie, on every node.
/// </summary>
public sealed class DashboardSessions(HubDatabase database, TimeProvider time)
{
    /// <summary>Keeps a new session; returns its key. Expired sessions are swept on the way.</summary>
    public async Task<string> CreateAsync(Guid userId, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dashboard_sessions WHERE expires_at < @now",
            new { now = StoredTime.Write(database.Provider, time.GetUtcNow()) }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dashboard_sessions (id, user_id, ticket, expires_at) VALUES (@key, @user, @ticket, @expires)",
            new { key, user = User(userId), ticket, expires = Expiry(expiresAt) }, cancellationToken: cancellationToken));
        return key;
    }

    /// <summary>
    /// Replaces a session's ticket (a sliding expiration renewed it, or the user signed in again in the same browser,
    /// as after changing their own password, which ended their sessions: then the session is kept anew).
    /// </summary>
    public async Task RenewAsync(string key, Guid userId, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dashboard_sessions (id, user_id, ticket, expires_at) VALUES (@key, @user, @ticket, @expires)
            ON CONFLICT (id) DO UPDATE SET ticket = excluded.ticket, expires_at = excluded.expires_at
            """,
            new { key, user = User(userId), ticket, expires = Expiry(expiresAt) }, cancellationToken: cancellationToken));
    }

    /// <summary>The ticket of a live session, or null when it was ended or has expired.</summary>
    public async Task<byte[]?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT ticket FROM dashboard_sessions WHERE id = @key AND (expires_at IS NULL OR expires_at >= @now)",
            new { key, now = StoredTime.Write(database.Provider, time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends one session (signing out).</summary>
    public async Task EndAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dashboard_sessions WHERE id = @key", new { key }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every session of a user (their password or role changed, or they were deleted).</summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dashboard_sessions WHERE user_id = @user", new { user = User(userId) }, cancellationToken: cancellationToken));
    }

    private object User(Guid id) => database.Provider == StorageProvider.Sqlite ? id.ToString("D") : id;

    private object? Expiry(DateTimeOffset? at) => at is { } value ? StoredTime.Write(database.Provider, value) : null;
}
