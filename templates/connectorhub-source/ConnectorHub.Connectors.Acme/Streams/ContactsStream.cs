using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Acme.Streams;

/// <summary>The <c>contacts</c> stream: Acme's contact objects as the API returns them.</summary>
internal static class ContactsStream
{
    public const string Name = "contacts";

    public static StreamDescriptor Describe() => new()
    {
        Name = Name,
        JsonSchema = JsonNode.Parse("""
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
        """)!.AsObject(),
        SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
        SourceDefinedCursor = true,
        DefaultCursorField = ["updated_at"],
        PrimaryKey = [["id"]],
        ResumableFullRefresh = true,
        Description = "People in Acme. Incremental reads ask for contacts updated at or after the cursor.",
    };
}
