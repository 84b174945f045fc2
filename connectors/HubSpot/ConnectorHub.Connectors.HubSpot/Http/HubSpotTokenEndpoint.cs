using System.Globalization;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Connectors.HubSpot.Http;

/// <summary>
/// Refreshes OAuth tokens at <c>POST /oauth/v1/token</c> (form-encoded <c>refresh_token</c> grant). HubSpot answers
/// <c>expires_in</c> in seconds and may rotate the refresh token; a refused refresh is a configuration failure.
/// </summary>
internal sealed class HubSpotTokenEndpoint(ConnectorContext context, Uri baseAddress, IReadOnlyCollection<string> secrets) : IDisposable
{
    private readonly ConnectorHttpClient _http = new(context, new ConnectorHttpOptions
    {
        BaseAddress = baseAddress,
        SecretValues = secrets,
        Classify = (response, body) => (int)response.StatusCode is 400 or 401
            ? new HttpFailure(ErrorCategory.Configuration, $"HubSpot refused to refresh the OAuth token ({HttpFailure.Default(response, body).Message}). The refresh token was revoked or belongs to another app: reconnect the account.")
            : null,
    });

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var config = context.Config;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = config.GetRequiredString(Configuration.HubSpotSettings.ClientId),
            ["client_secret"] = config.GetRequiredString(Configuration.HubSpotSettings.ClientSecret),
            ["refresh_token"] = refreshToken,
        };
        var answer = await _http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "oauth/v1/token") { Content = new FormUrlEncodedContent(form) },
            cancellationToken);
        var access = answer?["access_token"]?.ToString()
            ?? throw new ConnectorInternalException("HubSpot's token endpoint answered without an access_token.");
        var expiresIn = answer["expires_in"] is { } seconds && double.TryParse(seconds.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : (TimeSpan?)null;
        return new OAuthTokens(access, answer["refresh_token"]?.ToString(), expiresIn);
    }

    public void Dispose() => _http.Dispose();
}
