using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Data;
using ConnectorHub.Sandbox.Square.Queries;

namespace ConnectorHub.Sandbox.Square.Endpoints;

/// <summary>
/// <c>GET /v2/payments</c> (ListPayments), as Square documents it: one location per call (the main one by default),
/// <c>begin_time</c>/<c>end_time</c> on <c>created_at</c> defaulting to the last year, <c>updated_at_begin_time</c>/
/// <c>updated_at_end_time</c>, <c>sort_field</c> <c>CREATED_AT</c> (default) or <c>UPDATED_AT</c>, <c>sort_order</c>
/// <c>DESC</c> by default, and a <c>limit</c> above 100 ignored in favour of 100.
/// </summary>
internal static class PaymentsEndpoint
{
    public static IResult List(SquareEmulator emulator, HttpRequest request)
    {
        emulator.Log(request, null);
        var q = request.Query;
        var sortField = q["sort_field"].FirstOrDefault() ?? "CREATED_AT";
        var sortOrder = q["sort_order"].FirstOrDefault() ?? "DESC";
        if (sortField is not ("CREATED_AT" or "OFFLINE_CREATED_AT" or "UPDATED_AT") || sortOrder is not ("ASC" or "DESC"))
        {
            return SquareError.InvalidRequest("INVALID_ENUM_VALUE", $"Invalid sort `{sortField} {sortOrder}`: sort_field is CREATED_AT, OFFLINE_CREATED_AT or UPDATED_AT, sort_order ASC or DESC.", "sort_field").Result();
        }

        var (limit, limitError) = Limit.Read(q.TryGetValue("limit", out var l) ? JsonValue.Create(l.ToString()) : null, 100, int.MaxValue);
        var fingerprint = SquareCursor.FingerprintOf("payments", q["location_id"], q["begin_time"], q["end_time"], q["updated_at_begin_time"], q["updated_at_end_time"], sortField, sortOrder);
        var (cursor, cursorError) = SquareRequestBody.Cursor(q["cursor"], fingerprint);
        var (created, createdError) = Range(q, "begin_time", "end_time");
        var (updated, updatedError) = Range(q, "updated_at_begin_time", "updated_at_end_time");
        if ((limitError ?? cursorError ?? createdError ?? updatedError) is { } error)
        {
            return error.Result();
        }

        var now = cursor?.PinnedEnd ?? emulator.Now();
        var createdRange = new TimeRange(created?.StartAt ?? now.AddYears(-1), created?.EndAt ?? now);
        lock (emulator.Gate)
        {
            var location = q["location_id"].FirstOrDefault() ?? emulator.AllLocations.First(x => x.IsMain).Id;
            if (emulator.AllLocations.All(x => x.Id != location))
            {
                return SquareError.InvalidRequest("NOT_FOUND", $"Location `{location}` was not found.", "location_id").Result(StatusCodes.Status404NotFound);
            }

            Func<SquarePayment, string> key = sortField == "UPDATED_AT"
                ? p => SquareTime.SortKey(p.UpdatedAt) + p.Id
                : p => SquareTime.SortKey(p.CreatedAt) + p.Id;
            var sorted = emulator.Sorted($"payments:{sortField}", emulator.AllPayments, key);
            var (page, more) = PageCursors.PastTheEnd(cursor)
                ? ([], false)
                : KeysetPage.Take(sorted, key, p => p.LocationId == location && createdRange.Contains(p.CreatedAt) && (updated is null || updated.Contains(p.UpdatedAt)), sortOrder == "DESC", cursor?.LastKey, Math.Min(limit, 100));
            var response = new JsonObject();
            if (page.Count > 0)
            {
                response["payments"] = new JsonArray(page.Select(p => (JsonNode)p.ToJson()).ToArray());
            }

            if (PageCursors.Next(emulator.Paging, q["cursor"].FirstOrDefault(), cursor, fingerprint, page.Count > 0 ? key(page[^1]) : null, more, now) is { } next)
            {
                response["cursor"] = next;
            }

            return SquareRequestBody.Ok(response);
        }
    }

    private static (TimeRange? Range, SquareError? Error) Range(IQueryCollection query, string begin, string end)
    {
        if (!query.ContainsKey(begin) && !query.ContainsKey(end))
        {
            return (null, null);
        }

        var range = new JsonObject { ["start_at"] = query[begin].FirstOrDefault(), ["end_at"] = query[end].FirstOrDefault() };
        var (parsed, error) = TimeRange.Read(range, begin);
        return error is null ? (parsed, null) : (null, error with { Field = error.Field!.EndsWith("end_at", StringComparison.Ordinal) ? end : begin });
    }
}
