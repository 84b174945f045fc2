using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Queries;

namespace ConnectorHub.Sandbox.Square.Endpoints;

/// <summary>
/// <c>POST /oauth2/token</c> with <c>grant_type=refresh_token</c>: a new 30-day access token; the same refresh token
/// back (code flow) or a new one when <see cref="SquareEmulator.RotateRefreshTokens"/> (PKCE flow).
/// </summary>
internal static class OAuthTokenEndpoint
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static async Task<IResult> ObtainAsync(SquareEmulator emulator, HttpRequest request)
    {
        var (body, bodyError) = await SquareRequestBody.ReadAsync(request);
        if (bodyError is not null)
        {
            return bodyError.Result();
        }

        var clientId = SquareRequestBody.String(body!["client_id"]);
        var secret = SquareRequestBody.String(body["client_secret"]);
        var grant = SquareRequestBody.String(body["grant_type"]);
        var refreshToken = SquareRequestBody.String(body["refresh_token"]);
        if (grant != "refresh_token")
        {
            return SquareError.InvalidRequest("INVALID_VALUE", $"The sandbox supports grant_type `refresh_token` only, got `{grant}`.", "grant_type").Result();
        }

        if (clientId is null || !emulator.OAuthClients.TryGetValue(clientId, out var client) || client.ClientSecret != secret)
        {
            return SquareError.Authentication("UNAUTHORIZED", "Invalid client_id or client_secret.").Result(StatusCodes.Status401Unauthorized);
        }

        if (refreshToken is null || !emulator.RefreshTokens.TryGetValue(refreshToken, out var owner) || owner != clientId)
        {
            return SquareError.Authentication("UNAUTHORIZED", "The refresh token is invalid or was revoked.").Result(StatusCodes.Status401Unauthorized);
        }

        var expiresAt = emulator.Now() + Lifetime;
        var accessToken = emulator.IssueAccessToken(expiresAt);
        if (emulator.RotateRefreshTokens)
        {
            emulator.RefreshTokens.TryRemove(refreshToken, out _);
            refreshToken = emulator.NewRefreshToken();
            emulator.RefreshTokens[refreshToken] = clientId;
        }

        return SquareRequestBody.Ok(new JsonObject
        {
            ["access_token"] = accessToken,
            ["token_type"] = "bearer",
            ["expires_at"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["merchant_id"] = emulator.MerchantId,
            ["refresh_token"] = refreshToken,
            ["short_lived"] = false,
        });
    }
}
