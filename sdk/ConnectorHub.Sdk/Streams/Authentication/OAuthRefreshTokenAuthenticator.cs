using System.Globalization;
using System.Net.Http.Headers;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>
/// Options of the OAuth 2 refresh-token authenticator. The access token, its expiry and the refresh token live in the
/// connection's config under <see cref="OAuthTokenManager"/>'s setting names; a rotated refresh token is persisted
/// through the config updater the moment it is issued.
/// </summary>
public sealed record OAuthRefreshTokenOptions
{
    /// <summary>The token endpoint (relative to the base address, or absolute), for example <c>oauth/v1/token</c>.</summary>
    public required string TokenEndpoint { get; init; }

    /// <summary>The OAuth client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The OAuth client secret.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>Whether the grant is sent as a JSON body (Square) rather than form-encoded (the standard).</summary>
    public bool JsonBody { get; init; }
}

/// <summary>
/// OAuth 2 with a refresh token: a fresh access token ahead of expiry or after a 401, one refresh at a time for all
/// the streams of a call, rotated refresh tokens persisted at once (<see cref="OAuthTokenManager"/>).
/// </summary>
public sealed class OAuthRefreshTokenAuthenticator : IRequestAuthenticator
{
    private readonly OAuthTokenManager _tokens;
    private readonly ConnectorHttpClient _endpoint;
    private readonly OAuthRefreshTokenOptions _options;

    /// <summary>Creates the authenticator for one call.</summary>
    public OAuthRefreshTokenAuthenticator(AuthenticationContext context, OAuthRefreshTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _endpoint = context.CreateTokenClient();
        _tokens = new OAuthTokenManager(context.Connector, RefreshAsync);
    }

    /// <inheritdoc />
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAccessTokenAsync(cancellationToken));
    }

    /// <inheritdoc />
    public Task<bool> RefreshAfterRejectionAsync(CancellationToken cancellationToken) => _tokens.RefreshAfterRejectionAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _tokens.Dispose();
        _endpoint.Dispose();
    }

    private async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var grant = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
            ["refresh_token"] = refreshToken,
        };
        var answer = await TokenResponse.RequestAsync(_endpoint, _options.TokenEndpoint, grant, _options.JsonBody, cancellationToken);
        return new OAuthTokens(answer.AccessToken, answer.RefreshToken, answer.ExpiresIn);
    }
}

/// <summary>Posts a grant to a token endpoint and reads the standard answer (<c>access_token</c>, <c>expires_in</c> or <c>expires_at</c>, <c>refresh_token</c>).</summary>
internal static class TokenResponse
{
    public static async Task<(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn)> RequestAsync(
        ConnectorHttpClient endpoint, string uri, IReadOnlyDictionary<string, string> grant, bool json, CancellationToken cancellationToken)
    {
        var answer = await endpoint.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = json
                    ? System.Net.Http.Json.JsonContent.Create(grant)
                    : new FormUrlEncodedContent(grant),
            },
            cancellationToken);
        var access = answer?["access_token"]?.ToString()
            ?? throw new ConnectorInternalException($"The token endpoint {uri} answered without an access_token.");
        TimeSpan? expiresIn = answer["expires_in"] is { } seconds && double.TryParse(seconds.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
        return (access, answer["refresh_token"]?.ToString(), expiresIn);
    }
}
