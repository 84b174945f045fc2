using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests;

/// <summary>Builds File source configurations and runs reads, collecting what they emit.</summary>
public static class FileSourceHarness
{
    /// <summary>A configuration with one stream named <paramref name="name"/> over <paramref name="path"/>.</summary>
    public static JsonObject Config(string name, string path, JsonObject? extra = null, int? checkpointEvery = null)
    {
        var stream = new JsonObject { ["name"] = name, ["path"] = path };
        foreach (var (key, value) in extra ?? [])
        {
            stream[key] = value?.DeepClone();
        }

        var config = new JsonObject { ["streams"] = new JsonArray(stream) };
        if (checkpointEvery is { } every)
        {
            config["checkpoint_every"] = every;
        }

        return config;
    }

    /// <summary>A context over <paramref name="config"/>.</summary>
    public static ConnectorContext Context(JsonObject config) => new() { Config = new ConnectorConfig(config) };

    /// <summary>Reads one stream to the end and returns every message.</summary>
    public static async Task<List<SourceMessage>> ReadAsync(JsonObject config, string stream, SyncMode mode = SyncMode.FullRefresh, JsonNode? state = null)
    {
        var request = new ReadRequest
        {
            Streams = [new ConfiguredStream { Name = stream, SyncMode = mode }],
            States = state is null ? new Dictionary<string, JsonNode>() : new Dictionary<string, JsonNode> { [stream] = state },
        };
        var messages = new List<SourceMessage>();
        await foreach (var message in new FileSource().ReadAsync(Context(config), request, CancellationToken.None))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>The records among <paramref name="messages"/>.</summary>
    public static List<JsonObject> Records(this IEnumerable<SourceMessage> messages) =>
        messages.OfType<RecordMessage>().Select(m => m.Data).ToList();

    /// <summary>The value of <paramref name="field"/> in each record, as text.</summary>
    public static List<string> Values(this IEnumerable<SourceMessage> messages, string field) =>
        messages.Records().Select(r => r[field]?.ToString() ?? "<null>").ToList();

    /// <summary>The rejections among <paramref name="messages"/>.</summary>
    public static List<RecordRejectedMessage> Rejections(this IEnumerable<SourceMessage> messages) =>
        messages.OfType<RecordRejectedMessage>().ToList();

    /// <summary>The last state among <paramref name="messages"/>.</summary>
    public static JsonNode LastState(this IEnumerable<SourceMessage> messages) =>
        messages.OfType<StateMessage>().Last().State;
}
