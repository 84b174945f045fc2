using System.Collections.Concurrent;

namespace ConnectorHub.Sandbox.HubSpot.Auth;

/// <summary>
/// The credentials the emulator knows: the private-app token, and OAuth access and refresh tokens it issued. Tests
/// use it to issue a refresh token, expire access tokens in the middle of a sync, and see what was refreshed.
/// </summary>
public sealed class HubSpotTokens
{
    private readonly HubSpotEmulatorOptions _options;
    private readonly ConcurrentDictionary<string, AccessGrant> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyCollection<string>> _refresh = new(StringComparer.Ordinal);
    private readonly object _refreshGate = new();
    private int _refreshCount;

    internal HubSpotTokens(HubSpotEmulatorOptions options, IReadOnlyCollection<string> allScopes)
    {
        _options = options;
        AllScopes = allScopes;
        _access[options.PrivateAppToken] = new AccessGrant(null, allScopes, IsOAuth: false);
    }

    /// <summary>Every CRM read scope the emulator knows.</summary>
    public IReadOnlyCollection<string> AllScopes { get; }

    /// <summary>How many refreshes the token endpoint granted.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>The refresh tokens that are currently valid.</summary>
    public IReadOnlyCollection<string> ValidRefreshTokens => _refresh.Keys.ToArray();

    /// <summary>Issues a refresh token (as the authorization-code flow would) granting <paramref name="scopes"/> (all by default).</summary>
    public string IssueRefreshToken(IReadOnlyCollection<string>? scopes = null)
    {
        var token = $"na1-{Guid.NewGuid():N}";
        _refresh[token] = scopes ?? AllScopes;
        return token;
    }

    /// <summary>Adds a private-app style token that never expires, with only <paramref name="scopes"/>.</summary>
    public string AddPrivateAppToken(IReadOnlyCollection<string> scopes)
    {
        var token = $"pat-na1-{Guid.NewGuid()}";
        _access[token] = new AccessGrant(null, scopes, IsOAuth: false);
        return token;
    }

    /// <summary>Makes every OAuth access token issued so far expired, as if their 30 minutes had passed.</summary>
    public void ExpireAccessTokens()
    {
        var past = _options.Time.GetUtcNow().AddSeconds(-1);
        foreach (var (token, grant) in _access)
        {
            if (grant.IsOAuth)
            {
                _access[token] = grant with { ExpiresAt = past };
            }
        }
    }

    /// <summary>Forgets a refresh token, as an uninstalled app would.</summary>
    public void RevokeRefreshToken(string refreshToken) => _refresh.TryRemove(refreshToken, out _);

    internal AccessGrant? Find(string accessToken) => _access.TryGetValue(accessToken, out var grant) ? grant : null;

    /// <summary>Exchanges a refresh token; null when it is unknown.</summary>
    internal (string AccessToken, string RefreshToken)? Refresh(string refreshToken)
    {
        lock (_refreshGate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var scopes))
            {
                return null;
            }

            var next = refreshToken;
            if (_options.RotateRefreshTokens)
            {
                _refresh.TryRemove(refreshToken, out _);
                next = IssueRefreshToken(scopes);
            }

            var access = $"CJ{Guid.NewGuid():N}{Guid.NewGuid():N}";
            _access[access] = new AccessGrant(_options.Time.GetUtcNow() + _options.AccessTokenLifetime, scopes, IsOAuth: true);
            _refreshCount++;
            return (access, next);
        }
    }

    internal sealed record AccessGrant(DateTimeOffset? ExpiresAt, IReadOnlyCollection<string> Scopes, bool IsOAuth);
}
