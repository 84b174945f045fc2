using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Graph;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectorHub.Sandbox.Meta.Insights.Endpoints;

/// <summary>
/// Graph cursor paging: <c>limit</c> (default 25) and <c>after</c>; the answer's <c>paging.cursors.before/after</c>,
/// and <c>paging.next</c> (the same request with the new <c>after</c>) on every page but the last.
/// </summary>
internal static class GraphPaging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 5000;

    public static (int Start, int Limit) Window(GraphParameters parameters)
    {
        var limit = int.TryParse(parameters.GetString("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, MaxLimit) : DefaultLimit;
        return (Decode(parameters.GetString("after")), limit);
    }

    /// <summary>
    /// <c>{"data":[...],"paging":{...}}</c> for the page of <paramref name="all"/> the parameters ask for, with paging
    /// broken on purpose when <paramref name="misbehaviour"/> says so (to test connectors' guards).
    /// </summary>
    public static JsonObject Page(HttpRequest request, GraphParameters parameters, IReadOnlyList<JsonObject> all, PagingMisbehaviour misbehaviour = PagingMisbehaviour.None)
    {
        var (start, limit) = Window(parameters);
        var page = all.Skip(start).Take(limit).ToList();
        var response = new JsonObject { ["data"] = new JsonArray(page.Select(r => (JsonNode)r.DeepClone()).ToArray()) };
        var end = start + page.Count;
        var requested = parameters.GetString("after");
        var next = misbehaviour switch
        {
            PagingMisbehaviour.RepeatCursor when !string.IsNullOrEmpty(requested) => requested,
            PagingMisbehaviour.EndlessEmptyPages when end >= all.Count => Encode(end + 1),
            _ => end < all.Count ? Encode(end) : null,
        };
        if (page.Count == 0 && next is null)
        {
            return response;
        }

        var paging = new JsonObject { ["cursors"] = new JsonObject { ["before"] = Encode(start), ["after"] = next ?? Encode(end) } };
        if (next is not null)
        {
            paging["next"] = NextUrl(request, next);
        }

        response["paging"] = paging;
        return response;
    }

    private static string NextUrl(HttpRequest request, string after)
    {
        var query = request.Query.Where(q => q.Key != "after").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["after"] = after;
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.Path}", query);
    }

    private static string Encode(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var padded = cursor + new string('=', (4 - (cursor.Length % 4)) % 4);
            return int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
