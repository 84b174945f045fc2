using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.Acme.Configuration;

/// <summary>
/// The connector's configuration schema (JSON Schema draft-07). The API key carries <c>"secret": true</c>, so the
/// hub encrypts it at rest, masks it in its API and dashboard and keeps it out of logs.
/// </summary>
internal static class AcmeSpec
{
    public static ConnectorSpec Create() => new()
    {
        DocumentationUrl = new Uri("https://api.acme.example/docs"),
        ConfigSchema = JsonNode.Parse($$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Acme",
          "type": "object",
          "required": ["{{AcmeSettings.ApiKeySetting}}"],
          "properties": {
            "{{AcmeSettings.ApiKeySetting}}": { "type": "string", "secret": true, "title": "API key", "description": "Settings > API keys in Acme; needs write access to contacts." },
            "{{AcmeSettings.BaseUrlSetting}}": { "type": "string", "format": "uri", "default": "{{AcmeSettings.DefaultBaseUrl}}", "title": "API base URL", "description": "Change it only to point the connector at a test server." }
          },
          "additionalProperties": false
        }
        """)!.AsObject(),
    };
}
