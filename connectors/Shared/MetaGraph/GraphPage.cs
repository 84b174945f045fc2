using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Connectors.Meta.Graph;

/// <summary>A page of a Graph edge: its rows, and the <c>after</c> cursor when <c>paging.next</c> says more follow.</summary>
internal sealed record GraphPage(IReadOnlyList<JsonObject> Rows, string? After)
{
    /// <summary>
    /// The SDK's paging guards as Meta needs them: a repeated <c>after</c> cursor stops at once, but Meta may page
    /// through some empty pages of filtered data, so only more than 20 in a row stop the read.
    /// </summary>
    public static PagingGuardOptions Guards { get; } = new() { EmptyPagesWithNextAllowed = 20 };

    public static GraphPage From(JsonObject answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = (answer["data"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToArray();
        var paging = answer["paging"] as JsonObject;
        var after = paging?["next"] is not null && paging["cursors"]?["after"] is JsonValue v && v.TryGetValue(out string? cursor) ? cursor : null;
        return new GraphPage(rows, after);
    }
}
