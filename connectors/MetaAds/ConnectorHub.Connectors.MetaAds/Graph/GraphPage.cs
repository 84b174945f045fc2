using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaAds.Graph;

/// <summary>A page of a Graph edge: its rows, and the <c>after</c> cursor when <c>paging.next</c> says more follow.</summary>
internal sealed record GraphPage(IReadOnlyList<JsonObject> Rows, string? After)
{
    public static GraphPage From(JsonObject answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = (answer["data"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToArray();
        var paging = answer["paging"] as JsonObject;
        var after = paging?["next"] is not null && paging["cursors"]?["after"] is JsonValue v && v.TryGetValue(out string? cursor) ? cursor : null;
        return new GraphPage(rows, after);
    }
}
