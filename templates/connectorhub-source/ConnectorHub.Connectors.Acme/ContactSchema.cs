using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Acme;

/// <summary>The JSON Schema of an Acme contact, as the API returns it.</summary>
internal static class ContactSchema
{
    public static JsonObject Json => JsonNode.Parse("""
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "required": ["id", "updated_at"],
      "properties": {
        "id": { "type": "string" },
        "email": { "type": ["string", "null"] },
        "first_name": { "type": ["string", "null"] },
        "last_name": { "type": ["string", "null"] },
        "phone": { "type": ["string", "null"] },
        "created_at": { "type": "string", "format": "date-time" },
        "updated_at": { "type": "string", "format": "date-time" }
      }
    }
    """)!.AsObject();
}
