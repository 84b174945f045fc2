using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Sources;

/// <summary>What to read: the configured streams and, for each, the last committed state (if any).</summary>
public sealed record ReadRequest
{
    /// <summary>The streams to read, in order.</summary>
    public required IReadOnlyList<ConfiguredStream> Streams { get; init; }

    /// <summary>The last committed state per stream name. A stream missing here starts from the beginning.</summary>
    public IReadOnlyDictionary<string, JsonNode> States { get; init; } = new Dictionary<string, JsonNode>();

    /// <summary>The committed state of <paramref name="stream"/>, or null when it has none.</summary>
    public JsonNode? StateOf(string stream) => States.TryGetValue(stream, out var state) ? state.DeepClone() : null;
}
