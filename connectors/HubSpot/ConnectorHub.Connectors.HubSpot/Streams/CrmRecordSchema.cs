using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.HubSpot.Streams;

/// <summary>
/// A stream's record schema, mirroring HubSpot's object JSON: <c>id</c>, <c>properties</c> (every value a string
/// or null), <c>createdAt</c>, <c>updatedAt</c>, <c>archived</c>.
/// </summary>
internal static class CrmRecordSchema
{
    public static JsonObject For(CrmStream stream)
    {
        var properties = new JsonObject();
        foreach (var property in stream.Properties)
        {
            properties[property] = new JsonObject { ["type"] = new JsonArray("string", "null") };
        }

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["type"] = "object",
            ["required"] = new JsonArray("id", "properties", "createdAt", "updatedAt", "archived"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                ["properties"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = properties,
                    ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                },
                ["createdAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["updatedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["archived"] = new JsonObject { ["type"] = "boolean" },
                ["archivedAt"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            },
        };
    }
}
