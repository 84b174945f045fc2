using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>A page of records and Square's cursor for the next one (null on the last page).</summary>
internal sealed record SquarePage(IReadOnlyList<JsonObject> Records, string? NextCursor)
{
    /// <summary>Reads the records under <paramref name="key"/> and the top-level <c>cursor</c>; Square leaves both out when empty.</summary>
    public static SquarePage From(JsonObject answer, string key) => new(
        (answer[key] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToArray(),
        answer["cursor"] is JsonValue v && v.TryGetValue(out string? cursor) && cursor.Length > 0 ? cursor : null);
}
