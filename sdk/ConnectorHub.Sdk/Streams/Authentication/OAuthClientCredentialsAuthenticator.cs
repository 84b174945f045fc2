using System.Net.Http.Headers;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>Options of the OAuth 2 client-credentials authenticator (machine-to-machine apps).</summary>
public sealed record OAuthClientCredentialsOptions
{
    /// <summary>The token endpoint (relative to the base address, or absolute).</summary>
    public required string TokenEndpoint { get; init; }

    /// <summary>The client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>The scopes to ask for, space-separated; null asks for none.</summary>
    public string? Scope { get; init; }
}

/// <summary>
/// OAuth 2 client credentials: a token is asked for with the client's own credentials, kept in memory, and asked for
/// again ahead of expiry or after a 401; one request at a time for all streams of a call.
/// </summary>
public sealed class OAuthClientCredentialsAuthenticator(AuthenticationContext context, OAuthClientCredentialsOptions options)
    : CachedTokenAuthenticator(context)
{
    /// <inheritdoc />
    protected override Task<(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn)> RequestTokenAsync(ConnectorHttpClient endpoint, CancellationToken cancellationToken)
    {
        var grant = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        };
        if (options.Scope is not null)
        {
            grant["scope"] = options.Scope;
        }

        return TokenResponse.RequestAsync(endpoint, options.TokenEndpoint, grant, json: false, cancellationToken);
    }
}

/// <summary>A token kept in memory for one call and asked for again ahead of expiry or after a 401, one request at a time.</summary>
public abstract class CachedTokenAuthenticator : IRequestAuthenticator
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AuthenticationContext _context;
    private readonly ConnectorHttpClient _endpoint;
    private string? _token;
    private DateTimeOffset _expiresAt = DateTimeOffset.MaxValue;

    /// <summary>Creates the authenticator.</summary>
    protected CachedTokenAuthenticator(AuthenticationContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _endpoint = context.CreateTokenClient();
    }

    /// <inheritdoc />
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = _token;
        if (token is null || _expiresAt - Margin <= _context.Connector.Time.GetUtcNow())
        {
            token = await RenewAsync(token, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc />
    public async Task<bool> RefreshAfterRejectionAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(_token, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _endpoint.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Asks the token endpoint for a new token.</summary>
    protected abstract Task<(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn)> RequestTokenAsync(ConnectorHttpClient endpoint, CancellationToken cancellationToken);

    private async Task<string> RenewAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != stale)
            {
                return _token; // renewed by another stream while this one waited
            }

            var (access, _, expiresIn) = await RequestTokenAsync(_endpoint, cancellationToken);
            _token = access;
            _expiresAt = expiresIn is { } lifetime ? _context.Connector.Time.GetUtcNow() + lifetime : DateTimeOffset.MaxValue;
            return access;
        }
        finally
        {
            _gate.Release();
        }
    }
}
