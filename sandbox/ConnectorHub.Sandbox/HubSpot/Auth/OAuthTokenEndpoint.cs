using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot.Api;
using ConnectorHub.Sandbox.HubSpot.Errors;

namespace ConnectorHub.Sandbox.HubSpot.Auth;

/// <summary>
/// <c>POST /oauth/v1/token</c>: the form-encoded <c>refresh_token</c> grant, answering
/// <c>{"token_type","refresh_token","access_token","expires_in"}</c> or HubSpot's <c>BAD_*</c> failures.
/// </summary>
internal static class OAuthTokenEndpoint
{
    public static async Task HandleAsync(HttpContext context, HubSpotTokens tokens, HubSpotEmulatorOptions options)
    {
        if (!context.Request.HasFormContentType)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.OAuth("BAD_REQUEST", "The request body must be application/x-www-form-urlencoded."));
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        (string Status, string Message)? failure = null;
        if (form["grant_type"] != "refresh_token")
        {
            failure = ("BAD_GRANT_TYPE", "grant_type must be one of: authorization_code, refresh_token");
        }
        else if (form["client_id"] != options.ClientId)
        {
            failure = ("BAD_CLIENT_ID", "missing or unknown client id");
        }
        else if (form["client_secret"] != options.ClientSecret)
        {
            failure = ("BAD_CLIENT_SECRET", "missing or invalid client secret");
        }

        var issued = failure is null ? tokens.Refresh(form["refresh_token"].ToString()) : null;
        if (failure is null && issued is null)
        {
            failure = ("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
        }

        if (failure is { } bad)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.OAuth(bad.Status, bad.Message));
            return;
        }

        var body = new JsonObject
        {
            ["token_type"] = "bearer",
            ["refresh_token"] = issued!.Value.RefreshToken,
            ["access_token"] = issued.Value.AccessToken,
            ["expires_in"] = (int)options.AccessTokenLifetime.TotalSeconds,
        };
        await HubSpotResponses.WriteAsync(context, 200, body.ToJsonString());
    }
}
