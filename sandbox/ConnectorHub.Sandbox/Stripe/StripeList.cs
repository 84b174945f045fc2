using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>
/// A list endpoint as Stripe pages it: newest first, <c>limit</c> 1..100 (10 by default), <c>starting_after</c> /
/// <c>ending_before</c> an object id, <c>created</c> as a timestamp or <c>created[gt|gte|lt|lte]</c>, answered as
/// <c>{"object": "list", "url", "has_more", "data"}</c>. Unknown parameters are refused as Stripe refuses them.
/// </summary>
internal sealed class StripeList(string url, string noun, IReadOnlyCollection<string> filters)
{
    private static readonly string[] Common = ["limit", "starting_after", "ending_before", "created", "created[gt]", "created[gte]", "created[lt]", "created[lte]", "expand[]"];

    public IResult Answer(HttpRequest request, IReadOnlyList<JsonObject> newestFirst, PagingMisbehaviour paging)
    {
        foreach (var (name, _) in request.Query)
        {
            if (!Common.Contains(name) && !filters.Contains(name))
            {
                return StripeErrors.Error(400, "invalid_request_error", $"Received unknown parameter: {name}", "parameter_unknown", name);
            }
        }

        var limitText = request.Query["limit"].ToString();
        var limit = 10;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return StripeErrors.Error(400, "invalid_request_error", $"Invalid integer: {limitText}. This value must be between 1 and 100.", "parameter_invalid_integer", "limit");
        }

        IEnumerable<JsonObject> items = newestFirst;
        foreach (var (op, test) in new (string Op, Func<long, long, bool> Test)[] { ("gt", (c, v) => c > v), ("gte", (c, v) => c >= v), ("lt", (c, v) => c < v), ("lte", (c, v) => c <= v), (string.Empty, (c, v) => c == v) })
        {
            var name = op.Length == 0 ? "created" : $"created[{op}]";
            var text = request.Query[name].ToString();
            if (text.Length == 0)
            {
                continue;
            }

            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bound))
            {
                return StripeErrors.Error(400, "invalid_request_error", $"Invalid integer: {text}", "parameter_invalid_integer", name);
            }

            items = items.Where(i => test(i["created"]!.GetValue<long>(), bound));
        }

        foreach (var (name, value) in request.Query.Where(q => filters.Contains(q.Key)))
        {
            items = items.Where(i => i[name]?.ToString() == value.ToString());
        }

        var filtered = items.ToList();
        var after = request.Query["starting_after"].ToString();
        var before = request.Query["ending_before"].ToString();
        var start = 0;
        var end = filtered.Count;
        if (after.Length > 0 || before.Length > 0)
        {
            var anchor = after.Length > 0 ? after : before;
            var at = filtered.FindIndex(i => i["id"]!.GetValue<string>() == anchor);
            if (at < 0 && newestFirst.All(i => i["id"]!.GetValue<string>() != anchor))
            {
                return StripeErrors.Error(400, "invalid_request_error", $"No such {noun}: '{anchor}'", "resource_missing", after.Length > 0 ? "starting_after" : "ending_before");
            }

            (start, end) = after.Length > 0 ? (at + 1, filtered.Count) : (0, Math.Max(at, 0));
        }

        if (paging == PagingMisbehaviour.RepeatCursor && after.Length > 0)
        {
            start = Math.Max(0, start - limit); // the same page again: its last id repeats as the cursor
        }

        var page = (before.Length > 0 ? filtered.Take(end).TakeLast(limit) : filtered.Skip(start).Take(limit)).ToList();
        var hasMore = before.Length > 0 ? end - page.Count > 0 : start + page.Count < filtered.Count;
        if (paging == PagingMisbehaviour.EndlessEmptyPages && !hasMore)
        {
            hasMore = true; // past the end: "more" with nothing in it, forever
        }

        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            ["has_more"] = hasMore,
            ["url"] = url,
        };
        return Results.Content(body.ToJsonString(), "application/json");
    }
}
