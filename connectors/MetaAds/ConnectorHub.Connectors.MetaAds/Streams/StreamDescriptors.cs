using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Streams;

/// <summary>Loads a stream's JSON Schema from the assembly and builds its descriptor.</summary>
internal static class StreamDescriptors
{
    public static JsonObject Schema(string name)
    {
        var resource = $"ConnectorHub.Connectors.MetaAds.Schemas.{name}.schema.json";
        using var stream = typeof(StreamDescriptors).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the Meta Ads connector assembly.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>A full-refresh stream of Graph nodes keyed by <c>id</c>, resumable by account and page cursor.</summary>
    public static StreamDescriptor Entity(string name, string description) => new()
    {
        Name = name,
        JsonSchema = Schema(name),
        SupportedSyncModes = [SyncMode.FullRefresh],
        PrimaryKey = [["id"]],
        ResumableFullRefresh = true,
        Description = description,
    };
}
