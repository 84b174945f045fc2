using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>Descriptors of the Square streams: keyed by <c>id</c>, cursor <c>updated_at</c>, both sync modes, resumable.</summary>
internal static class StreamDescriptors
{
    public static StreamDescriptor For(string name, string description)
    {
        var resource = $"ConnectorHub.Connectors.Square.Schemas.{name}.schema.json";
        using var stream = typeof(StreamDescriptors).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the Square connector assembly.");
        return new StreamDescriptor
        {
            Name = name,
            JsonSchema = JsonNode.Parse(stream)!.AsObject(),
            SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
            SourceDefinedCursor = true,
            DefaultCursorField = ["updated_at"],
            PrimaryKey = [["id"]],
            ResumableFullRefresh = true,
            Description = description,
        };
    }
}
