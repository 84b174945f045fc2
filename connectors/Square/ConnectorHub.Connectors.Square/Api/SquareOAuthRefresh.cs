using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Connectors.Square.Api;

/// <summary>
/// Square's refresh: <c>POST /oauth2/token</c> with <c>grant_type=refresh_token</c>. The answer carries an absolute
/// <c>expires_at</c> (30 days) and, in the PKCE flow, a new refresh token.
/// </summary>
internal sealed class SquareOAuthRefresh(ConnectorContext context, SquareSettings settings, OAuthApplication application)
{
    private static readonly TimeSpan MinimumBelievableLifetime = TimeSpan.FromMinutes(5);

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var http = new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = settings.BaseUrl,
            SecretValues = [refreshToken, application.ClientSecret],
            Classify = (response, _) => (int)response.StatusCode is 400 or 401
                ? new HttpFailure(ErrorCategory.Configuration,
                    "Square refused to refresh the access token: the application id or secret is wrong, or the refresh token was revoked. Reconnect the Square account to issue new tokens.")
                : null,
        });
        var body = new JsonObject
        {
            ["client_id"] = application.ClientId,
            ["client_secret"] = application.ClientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        };
        var answer = await http.SendJsonAsync(HttpMethod.Post, "oauth2/token", body, cancellationToken);
        var accessToken = answer?["access_token"]?.GetValue<string>()
            ?? throw new ConnectorInternalException("Square's token endpoint answered without an access_token.");
        TimeSpan? lifetime = DateTimeOffset.TryParse(answer["expires_at"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt)
            ? expiresAt - context.Time.GetUtcNow()
            : null;

        // A fresh token that already looks expired means our clock and Square's disagree: trust the token until Square
        // refuses it (a 401 refreshes it) rather than refreshing before every request.
        if (lifetime < MinimumBelievableLifetime)
        {
            lifetime = null;
        }
        return new OAuthTokens(accessToken, answer["refresh_token"]?.GetValue<string>(), lifetime);
    }
}
