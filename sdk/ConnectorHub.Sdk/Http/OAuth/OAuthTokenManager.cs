using System.Globalization;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Http.OAuth;

/// <summary>
/// Keeps an OAuth access token fresh for one connection: refreshes it ahead of expiry or after a 401, one refresh
/// at a time, and persists rotated refresh tokens through <see cref="ConnectorContext.ConfigUpdater"/> the moment
/// they are issued (a lost rotated token locks the connection out).
/// </summary>
public sealed class OAuthTokenManager : IDisposable
{
    /// <summary>The config setting holding the access token.</summary>
    public const string AccessTokenSetting = "access_token";

    /// <summary>The config setting holding the refresh token.</summary>
    public const string RefreshTokenSetting = "refresh_token";

    /// <summary>The config setting holding the access token's expiry (ISO 8601).</summary>
    public const string ExpiresAtSetting = "access_token_expires_at";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConnectorContext _context;
    private readonly Func<string, CancellationToken, Task<OAuthTokens>> _refresh;
    private ConnectorConfig _config;

    /// <summary>Creates a manager that calls <paramref name="refresh"/> with the current refresh token.</summary>
    public OAuthTokenManager(ConnectorContext context, Func<string, CancellationToken, Task<OAuthTokens>> refresh)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _refresh = refresh ?? throw new ArgumentNullException(nameof(refresh));
        _config = context.Config;
    }

    /// <summary>The configuration as last persisted (with any rotated tokens).</summary>
    public ConnectorConfig CurrentConfig => _config;

    /// <summary>A valid access token, refreshed first if it is missing or about to expire.</summary>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var token = _config.GetString(AccessTokenSetting);
        if (!string.IsNullOrEmpty(token) && !ExpiresSoon(_config))
        {
            return token;
        }

        await RefreshAsync(token, cancellationToken);
        return _config.GetRequiredString(AccessTokenSetting);
    }

    /// <summary>Refreshes after the platform refused the current token; false when no refresh token is configured.</summary>
    public async Task<bool> RefreshAfterRejectionAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_config.GetString(RefreshTokenSetting)))
        {
            return false;
        }

        await RefreshAsync(_config.GetString(AccessTokenSetting), cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task RefreshAsync(string? staleToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller refreshed while we waited: use its token.
            if (_config.GetString(AccessTokenSetting) != staleToken && !ExpiresSoon(_config))
            {
                return;
            }

            var refreshToken = _config.GetString(RefreshTokenSetting);
            if (string.IsNullOrEmpty(refreshToken))
            {
                throw new ConfigurationException(
                    $"The access token is missing or expired and no '{RefreshTokenSetting}' is configured. Reconnect the account to issue new tokens.");
            }

            var tokens = await _refresh(refreshToken, cancellationToken);
            var updated = _config
                .With(AccessTokenSetting, tokens.AccessToken)
                .With(RefreshTokenSetting, tokens.RefreshToken ?? refreshToken)
                .With(ExpiresAtSetting, tokens.ExpiresIn is { } lifetime
                    ? (_context.Time.GetUtcNow() + lifetime).ToString("O", CultureInfo.InvariantCulture)
                    : null);
            await _context.ConfigUpdater.PersistAsync(updated, cancellationToken);
            _config = updated;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool ExpiresSoon(ConnectorConfig config) =>
        DateTimeOffset.TryParse(config.GetString(ExpiresAtSetting), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
        && expiresAt - RefreshMargin <= _context.Time.GetUtcNow();
}
