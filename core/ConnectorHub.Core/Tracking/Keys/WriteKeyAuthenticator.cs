using System.Collections.Concurrent;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Tracking.Keys;

/// <summary>
/// Finds the tracking source a presented write key belongs to. Answers are cached briefly (every tracking call would
/// otherwise read the database); a revocation on this node takes effect at once, on other nodes within
/// <see cref="CacheFor"/>.
/// </summary>
public sealed class WriteKeyAuthenticator(HubDatabase database, TimeProvider time)
{
    /// <summary>How long a lookup is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, (TrackingSourceIdentity? Identity, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The source of <paramref name="writeKey"/>; null when it is unknown or revoked.</summary>
    public async Task<TrackingSourceIdentity?> AuthenticateAsync(string? writeKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(writeKey) || writeKey.Length > 500)
        {
            return null;
        }

        var hash = WriteKeySecret.Hash(writeKey);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Identity;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<SourceRow>(new CommandDefinition(
            """
            SELECT s.id AS Id, s.name AS Name FROM tracking_write_keys k JOIN tracking_sources s ON s.id = k.source_id
            WHERE k.key_hash = @hash AND k.revoked_at IS NULL
            """, new { hash }, cancellationToken: cancellationToken));
        var identity = row is null ? null : new TrackingSourceIdentity(StoredIds.Read(row.Id), row.Name);
        if (_cache.Count >= MaxCached)
        {
            // Guessed keys must not grow memory without bound; the cache only saves lookups.
            _cache.Clear();
        }

        _cache[hash] = (identity, now + CacheFor);
        return identity;
    }

    /// <summary>Drops the cached answer of a key (after it was revoked).</summary>
    public void Forget(string keyHash) => _cache.TryRemove(keyHash, out _);

    private sealed class SourceRow
    {
        public object Id { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;
    }
}
