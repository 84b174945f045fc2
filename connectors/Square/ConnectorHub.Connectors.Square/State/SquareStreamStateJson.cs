using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.State;

/// <summary>
/// Writes and reads <see cref="SquareStreamState"/>:
/// <c>{"version":1,"cursor":"2024-05-30T08:00:00.000Z","ids_at_cursor":["A"],"pass":{"mode":"incremental",
/// "window_start":"…","window_end":"…","partitions":["L1,L2"],"partition":0,"page_cursor":"…","max":"…","ids_at_max":["B"]}}</c>.
/// </summary>
internal static class SquareStreamStateJson
{
    public static JsonObject Write(SquareStreamState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = new JsonObject
        {
            ["version"] = SquareStreamState.CurrentVersion,
            ["cursor"] = Time(state.Cursor),
            ["ids_at_cursor"] = Ids(state.IdsAtCursor),
        };
        if (state.Pass is { } pass)
        {
            json["pass"] = new JsonObject
            {
                ["mode"] = pass.Incremental ? "incremental" : "full_refresh",
                ["window_start"] = Time(pass.WindowStart),
                ["window_end"] = Time(pass.WindowEnd),
                ["partitions"] = new JsonArray(pass.Partitions.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                ["partition"] = pass.Partition,
                ["page_cursor"] = pass.PageCursor,
                ["max"] = Time(pass.Max),
                ["ids_at_max"] = Ids(pass.IdsAtMax),
            };
        }

        return json;
    }

    /// <summary>The state in <paramref name="json"/> (a fresh one when null); throws naming the stream when it is unreadable.</summary>
    public static SquareStreamState Read(JsonNode? json, string stream)
    {
        if (json is null)
        {
            return new SquareStreamState();
        }

        try
        {
            var root = json.AsObject();
            var version = root["version"]?.GetValue<int>();
            if (version != SquareStreamState.CurrentVersion)
            {
                throw Unreadable(stream, $"its version is {version?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, and this connector reads version {SquareStreamState.CurrentVersion}");
            }

            var state = new SquareStreamState { Cursor = ParseTime(root["cursor"]), IdsAtCursor = ReadIds(root["ids_at_cursor"]) };
            if (root["pass"] is JsonObject pass)
            {
                state.Pass = new PassProgress
                {
                    Incremental = pass["mode"]?.GetValue<string>() == "incremental",
                    WindowStart = ParseTime(pass["window_start"]),
                    WindowEnd = ParseTime(pass["window_end"]) ?? throw new FormatException("pass.window_end is missing"),
                    Partitions = (pass["partitions"] as JsonArray ?? throw new FormatException("pass.partitions is missing")).Select(p => p!.GetValue<string>()).ToArray(),
                    Partition = pass["partition"]?.GetValue<int>() ?? 0,
                    PageCursor = pass["page_cursor"]?.GetValue<string>(),
                    Max = ParseTime(pass["max"]),
                    IdsAtMax = ReadIds(pass["ids_at_max"]),
                };
            }

            return state;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or NullReferenceException)
        {
            throw Unreadable(stream, ex.Message, ex);
        }
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(JsonNode? node) => node is null
        ? null
        : DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static JsonArray Ids(IEnumerable<string> ids) => new(ids.Order(StringComparer.Ordinal).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());

    private static HashSet<string> ReadIds(JsonNode? node) =>
        new((node as JsonArray ?? []).Select(id => id!.GetValue<string>()), StringComparer.Ordinal);

    private static ConfigurationException Unreadable(string stream, string why, Exception? inner = null) =>
        new($"The saved state of Square stream '{stream}' cannot be read: {why}. Reset the stream's state to read it again from the start.", innerException: inner);
}
