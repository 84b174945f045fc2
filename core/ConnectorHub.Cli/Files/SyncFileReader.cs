using System.Text.Json.Nodes;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Cli.Files;

/// <summary>Reads a sync file, reporting every problem with its field and line.</summary>
internal static class SyncFileReader
{
    private static readonly string[] TopFields = ["name", "source", "destination", "streams"];
    private static readonly string[] StreamFields = ["name", "sync_mode", "cursor_field", "primary_key", "destination_mode", "mapping"];

    public static SyncFile Read(SourceDocument document)
    {
        var fields = new FieldReader(document);
        var root = fields.Object(document.Root, string.Empty, required: true) ?? throw fields.Failure();

        fields.OnlyKnownKeys(root, string.Empty, TopFields);
        var name = fields.String(root, "name", "name", required: true);
        var source = ConnectionReader.Read(fields, root["source"], "source", "source", required: true, settingsAllowed: false);
        var (destination, settings) = ReadDestination(fields, root);
        var streams = ReadStreams(fields, root["streams"]);
        fields.ThrowIfAny();
        return new SyncFile(document, name!, source!, destination, settings, streams);
    }

    private static (FileConnection? Destination, JsonObject Settings) ReadDestination(FieldReader fields, JsonObject root)
    {
        var node = root["destination"];
        if (node is null || (node is JsonValue value && value.TryGetValue(out string? text) && text.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, []);
        }

        var destination = ConnectionReader.Read(fields, node, "destination", "destination", required: true, settingsAllowed: true);
        var settings = fields.Object(node is JsonObject obj ? obj["settings"] : null, "destination.settings", required: false);
        return (destination, (JsonObject?)settings?.DeepClone() ?? []);
    }

    private static List<SyncStream> ReadStreams(FieldReader fields, JsonNode? node)
    {
        var streams = new List<SyncStream>();
        if (node is not JsonArray array || array.Count == 0)
        {
            fields.Add("streams", node is null ? "is required: list the streams to move, e.g. '- name: contacts'." : "must be a non-empty list of streams.");
            return streams;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var field = $"streams[{i}]";
            if (array[i] is JsonValue shorthand && shorthand.TryGetValue(out string? streamName) && streamName.Trim().Length > 0)
            {
                streams.Add(new SyncStream { Name = streamName.Trim() });
                continue;
            }

            if (fields.Object(array[i], field, required: true) is not { } stream)
            {
                continue;
            }

            fields.OnlyKnownKeys(stream, field, StreamFields);
            var name = fields.String(stream, "name", $"{field}.name", required: true);
            var syncMode = StreamValues.Enum(fields, stream, "sync_mode", field, SyncMode.FullRefresh);
            var destinationMode = StreamValues.Enum(fields, stream, "destination_mode", field, DestinationSyncMode.Upsert);
            var cursor = StreamValues.CursorField(fields, stream["cursor_field"], $"{field}.cursor_field");
            var key = StreamValues.PrimaryKey(fields, stream["primary_key"], $"{field}.primary_key");
            var mapping = StreamValues.Mapping(fields, stream["mapping"], $"{field}.mapping");
            if (name is not null)
            {
                streams.Add(new SyncStream { Name = name, SyncMode = syncMode, DestinationMode = destinationMode, CursorField = cursor, PrimaryKey = key, Mapping = mapping });
            }
        }

        return streams;
    }
}
