using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Mailchimp.Configuration;

/// <summary>The connection's JSON Schema (draft-07); <c>api_key</c> is secret.</summary>
internal static class ConfigSchema
{
    public static JsonObject Create() => JsonNode.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Mailchimp",
          "type": "object",
          "required": ["api_key"],
          "additionalProperties": false,
          "properties": {
            "api_key": {
              "type": "string",
              "title": "API key",
              "description": "A Mailchimp API key (Profile > Extras > API keys). Its suffix, such as -us14, is the data center.",
              "pattern": "^[0-9A-Za-z]+-[a-z]+[0-9]+$",
              "secret": true
            },
            "base_url": {
              "type": "string",
              "title": "API base URL",
              "description": "Only to point at a proxy or the sandbox emulator; defaults to https://{dc}.api.mailchimp.com.",
              "format": "uri"
            },
            "max_connections": {
              "type": "integer",
              "title": "Simultaneous connections",
              "description": "Requests in flight at once. Mailchimp allows 10 per user across every integration.",
              "minimum": 1,
              "maximum": 10,
              "default": 3
            }
          }
        }
        """)!.AsObject();
}
