using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Connectors.HubSpot.Configuration;

/// <summary>The connector's configuration schema: a private-app token, or an OAuth app with a refresh token.</summary>
internal static class HubSpotSpec
{
    public static ConnectorSpec Create() => new()
    {
        DocumentationUrl = new Uri("https://developers.hubspot.com/docs/api/crm/understanding-the-crm"),
        ConfigSchema = JsonNode.Parse($$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "HubSpot",
          "type": "object",
          "properties": {
            "{{HubSpotSettings.AuthType}}": { "type": "string", "enum": ["private_app", "oauth"], "default": "private_app", "title": "Authentication", "description": "A private app's access token, or an OAuth app with a refresh token." },
            "{{HubSpotSettings.PrivateAppToken}}": { "type": "string", "secret": true, "title": "Private app access token", "description": "Settings > Integrations > Private apps; needs the crm.objects.{contacts,companies,deals}.read scopes." },
            "{{HubSpotSettings.ClientId}}": { "type": "string", "title": "OAuth client id" },
            "{{HubSpotSettings.ClientSecret}}": { "type": "string", "secret": true, "title": "OAuth client secret" },
            "{{OAuthTokenManager.RefreshTokenSetting}}": { "type": "string", "secret": true, "title": "OAuth refresh token", "description": "Replaced automatically when HubSpot rotates it." },
            "{{OAuthTokenManager.AccessTokenSetting}}": { "type": "string", "secret": true, "title": "OAuth access token", "description": "Managed by the connector." },
            "{{OAuthTokenManager.ExpiresAtSetting}}": { "type": "string", "title": "Access token expiry", "description": "Managed by the connector." },
            "{{HubSpotSettings.BaseUrl}}": { "type": "string", "format": "uri", "default": "{{HubSpotSettings.DefaultBaseUrl}}", "title": "API base URL" },
            "{{HubSpotSettings.PageSizeSetting}}": { "type": "integer", "minimum": 1, "maximum": 100, "default": 100, "title": "Records per page", "description": "List pages hold at most 100; search pages twice this, at most 200." },
            "{{HubSpotSettings.MaxPagesSetting}}": { "type": "integer", "minimum": 1, "default": 200000, "title": "Page cap per stream", "description": "A read stops with an error past this many pages of one stream (a guard against endless paging)." }
          },
          "additionalProperties": true
        }
        """)!.AsObject(),
    };
}
