using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Data;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>
/// A SearchOrders query, checked as Square checks it: 1-10 known <c>location_ids</c>, one date-time filter at most,
/// and a <c>sort_field</c> equal to the filtered date field (default sort: <c>CREATED_AT</c> <c>DESC</c>).
/// </summary>
internal sealed record OrdersQuery(
    IReadOnlyList<string> LocationIds,
    string DateField,
    TimeRange? Range,
    string SortField,
    bool Descending,
    IReadOnlyList<string>? States,
    IReadOnlyList<string>? CustomerIds)
{
    public const int MaxLocations = 10;

    private static readonly string[] DateFields = ["created_at", "updated_at", "closed_at"];

    public static (OrdersQuery? Query, SquareError? Error) Read(JsonObject body, IReadOnlyCollection<string> knownLocations)
    {
        if (body["location_ids"] is not JsonArray ids)
        {
            return Fail("MISSING_REQUIRED_PARAMETER", "Missing required parameter `location_ids`.", "location_ids");
        }

        var locations = ids.Select(SquareRequestBody.String).ToList();
        if (locations.Count == 0)
        {
            return Fail("ARRAY_EMPTY", "`location_ids` must contain at least one location id.", "location_ids");
        }

        if (locations.Count > MaxLocations)
        {
            return Fail("ARRAY_LENGTH_TOO_LONG", $"`location_ids` must contain at most {MaxLocations} elements, got {locations.Count}.", "location_ids");
        }

        if (locations.Any(l => l is null || !knownLocations.Contains(l)))
        {
            var unknown = locations.First(l => l is null || !knownLocations.Contains(l)) ?? "null";
            return Fail("INVALID_VALUE", $"Location `{unknown}` was not found or does not belong to this merchant.", "location_ids");
        }

        var filter = body["query"]?["filter"] as JsonObject;
        var dates = filter?["date_time_filter"] as JsonObject ?? [];
        var present = DateFields.Where(f => dates[f] is not null).ToList();
        if (present.Count > 1)
        {
            return Fail("BAD_REQUEST", "Only one of `created_at`, `updated_at` and `closed_at` may be set in `date_time_filter`.", "query.filter.date_time_filter");
        }

        var dateField = present.Count == 1 ? present[0] : "created_at";
        var (range, rangeError) = TimeRange.Read(present.Count == 1 ? dates[dateField] : null, $"query.filter.date_time_filter.{dateField}");
        if (rangeError is not null)
        {
            return (null, rangeError);
        }

        var sort = body["query"]?["sort"] as JsonObject;
        var sortField = SquareRequestBody.String(sort?["sort_field"]) ?? "CREATED_AT";
        var sortOrder = SquareRequestBody.String(sort?["sort_order"]) ?? "DESC";
        if (sortField is not ("CREATED_AT" or "UPDATED_AT" or "CLOSED_AT") || sortOrder is not ("ASC" or "DESC"))
        {
            return Fail("INVALID_ENUM_VALUE", $"Invalid sort `{sortField} {sortOrder}`: sort_field is CREATED_AT, UPDATED_AT or CLOSED_AT, sort_order ASC or DESC.", "query.sort");
        }

        if (present.Count == 1 && !string.Equals(sortField, dateField, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("INVALID_VALUE", $"When filtering by `{dateField}` in date_time_filter, the sort_field must be {dateField.ToUpperInvariant()}, got {sortField}.", "query.sort.sort_field");
        }

        return (new OrdersQuery(
            locations!,
            dateField,
            range,
            sortField,
            sortOrder == "DESC",
            (filter?["state_filter"]?["states"] as JsonArray)?.Select(SquareRequestBody.String).OfType<string>().ToList(),
            (filter?["customer_filter"]?["customer_ids"] as JsonArray)?.Select(SquareRequestBody.String).OfType<string>().ToList()), null);
    }

    /// <summary>Whether <paramref name="order"/> matches, with an open range end pinned at <paramref name="end"/>.</summary>
    public bool Matches(SquareOrder order, DateTimeOffset end) =>
        LocationIds.Contains(order.LocationId)
        && (States is null || States.Contains(order.State))
        && (CustomerIds is null || (order.CustomerId is not null && CustomerIds.Contains(order.CustomerId)))
        && Time(order, DateField) is { } time
        && (Range ?? new TimeRange(null, null)).Contains(time)
        && time <= (Range?.EndAt ?? end);

    /// <summary>The sort key of <paramref name="order"/>; orders without the sort timestamp (open, for CLOSED_AT) sort last.</summary>
    public string Key(SquareOrder order) =>
        (Time(order, SortField.ToLowerInvariant()) is { } time ? SquareTime.SortKey(time) : new string('9', 19)) + order.Id;

    private static DateTimeOffset? Time(SquareOrder order, string field) => field switch
    {
        "updated_at" => order.UpdatedAt,
        "closed_at" => order.ClosedAt,
        _ => order.CreatedAt,
    };

    private static (OrdersQuery?, SquareError?) Fail(string code, string detail, string field) => (null, SquareError.InvalidRequest(code, detail, field));
}
