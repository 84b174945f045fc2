using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Configuration;

/// <summary>The connection's JSON Schema (draft-07); <c>access_token</c> is secret.</summary>
internal static class ConfigSchema
{
    public static JsonObject Create() => JsonNode.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Meta Custom Audiences",
          "type": "object",
          "required": ["access_token", "ad_account_id"],
          "additionalProperties": false,
          "properties": {
            "access_token": {
              "type": "string",
              "title": "Access token",
              "description": "A system-user access token with the ads_management permission on the ad account.",
              "secret": true
            },
            "ad_account_id": {
              "type": "string",
              "title": "Ad account id",
              "description": "The ad account that owns the audiences, as 1234567890 or act_1234567890.",
              "pattern": "^(act_)?[0-9]+$"
            },
            "api_version": {
              "type": "string",
              "title": "Graph API version",
              "default": "v21.0",
              "pattern": "^v?[0-9]+\\.[0-9]+$"
            },
            "base_url": {
              "type": "string",
              "title": "Graph API base URL",
              "description": "Only to point at a proxy or the sandbox emulator.",
              "format": "uri",
              "default": "https://graph.facebook.com"
            }
          }
        }
        """)!.AsObject();
}
