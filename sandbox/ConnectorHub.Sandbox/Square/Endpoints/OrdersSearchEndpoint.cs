using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Queries;

namespace ConnectorHub.Sandbox.Square.Endpoints;

/// <summary>
/// <c>POST /v2/orders/search</c>: limit default 500, max 1000; <c>return_entries</c> for order entries; the cursor
/// is only valid with the original query, and an open-ended range is closed at the time of the first request.
/// </summary>
internal static class OrdersSearchEndpoint
{
    public static async Task<IResult> SearchAsync(SquareEmulator emulator, HttpRequest request)
    {
        var (body, bodyError) = await SquareRequestBody.ReadAsync(request);
        emulator.Log(request, body);
        if (body is null)
        {
            return bodyError!.Result();
        }

        HashSet<string> known;
        lock (emulator.Gate)
        {
            known = emulator.AllLocations.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        }

        var (query, queryError) = OrdersQuery.Read(body, known);
        var (limit, limitError) = Limit.Read(body["limit"], 500, 1000);
        var entries = body["return_entries"] is JsonValue flag && flag.TryGetValue(out bool wanted) && wanted;
        var fingerprint = SquareCursor.FingerprintOf("orders.search", body["query"]?.ToJsonString(), string.Join(',', query?.LocationIds.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>()), entries.ToString());
        var (cursor, cursorError) = SquareRequestBody.Cursor(SquareRequestBody.String(body["cursor"]), fingerprint);
        if (query is null || (limitError ?? cursorError) is not null)
        {
            return (queryError ?? limitError ?? cursorError)!.Result();
        }

        var end = cursor?.PinnedEnd ?? emulator.Now();
        lock (emulator.Gate)
        {
            var sorted = emulator.Sorted($"orders:{query.SortField}", emulator.AllOrders, query.Key);
            var (page, more) = PageCursors.PastTheEnd(cursor) ? ([], false) : KeysetPage.Take(sorted, query.Key, o => query.Matches(o, end), query.Descending, cursor?.LastKey, limit);
            var response = new JsonObject();
            if (page.Count > 0)
            {
                response[entries ? "order_entries" : "orders"] = new JsonArray(page.Select(o => (JsonNode)(entries
                    ? new JsonObject { ["order_id"] = o.Id, ["version"] = o.Version, ["location_id"] = o.LocationId }
                    : o.ToJson())).ToArray());
            }

            if (PageCursors.Next(emulator.Paging, SquareRequestBody.String(body["cursor"]), cursor, fingerprint, page.Count > 0 ? query.Key(page[^1]) : null, more, end) is { } next)
            {
                response["cursor"] = next;
            }

            return SquareRequestBody.Ok(response);
        }
    }
}
