using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot;

namespace ConnectorHub.Connectors.HubSpot.Tests;

/// <summary>Connector configurations pointing at an emulator.</summary>
public static class HubSpotConfigs
{
    public static JsonObject PrivateApp(Uri baseAddress, string token, int pageSize = 10) => new()
    {
        ["auth_type"] = "private_app",
        ["private_app_token"] = token,
        ["base_url"] = baseAddress.ToString(),
        ["page_size"] = pageSize,
    };

    public static JsonObject OAuth(Uri baseAddress, HubSpotEmulator hub, string refreshToken, int pageSize = 10) => new()
    {
        ["auth_type"] = "oauth",
        ["client_id"] = hub.Options.ClientId,
        ["client_secret"] = hub.Options.ClientSecret,
        ["refresh_token"] = refreshToken,
        ["base_url"] = baseAddress.ToString(),
        ["page_size"] = pageSize,
    };
}
