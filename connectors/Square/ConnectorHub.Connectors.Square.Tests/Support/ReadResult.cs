using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Support;

/// <summary>What one read emitted, with helpers to look at it per stream.</summary>
public sealed class ReadResult(IReadOnlyList<SourceMessage> messages)
{
    public IReadOnlyList<SourceMessage> Messages { get; } = messages;

    public IReadOnlyList<JsonObject> Records(string stream) =>
        Messages.OfType<RecordMessage>().Where(m => m.Stream == stream).Select(m => m.Data).ToList();

    public IReadOnlyList<string> Ids(string stream) => Records(stream).Select(r => r["id"]!.GetValue<string>()).ToList();

    public JsonNode? LastState(string stream) => Messages.OfType<StateMessage>().LastOrDefault(m => m.Stream == stream)?.State;

    public int StateCount(string stream) => Messages.OfType<StateMessage>().Count(m => m.Stream == stream);

    /// <summary>The last state of every stream, as the host would pass them to the next run.</summary>
    public IReadOnlyDictionary<string, JsonNode> States() => Messages.OfType<StateMessage>()
        .GroupBy(m => m.Stream)
        .ToDictionary(g => g.Key, g => g.Last().State.DeepClone());
}
