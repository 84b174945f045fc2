using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Data;
using ConnectorHub.Sandbox.Square.Queries;

namespace ConnectorHub.Sandbox.Square.Endpoints;

/// <summary>
/// <c>GET /v2/customers</c> (ListCustomers), <c>POST /v2/customers/search</c> (SearchCustomers) and
/// <c>GET /v2/customers/{customer_id}</c> (RetrieveCustomer): limit 1-100, sort <c>DEFAULT</c> (by name) or
/// <c>CREATED_AT</c>, filters on <c>created_at</c> / <c>updated_at</c> ranges, email and reference id. An empty result
/// is <c>{}</c>, as Square answers it; an unknown customer is a 404 with Square's <c>NOT_FOUND</c> error.
/// </summary>
internal static class CustomersEndpoints
{
    public static IResult Retrieve(SquareEmulator emulator, HttpRequest request, string customerId)
    {
        emulator.Log(request, null);
        lock (emulator.Gate)
        {
            // Retrieval reads the customer store itself: no search-index delay.
            return emulator.AllCustomers.Find(c => c.Id == customerId) is { } customer
                ? SquareRequestBody.Ok(new JsonObject { ["customer"] = customer.ToJson() })
                : SquareError.InvalidRequest("NOT_FOUND", $"Object `{customerId}` of type customer not found").Result(StatusCodes.Status404NotFound);
        }
    }

    public static IResult List(SquareEmulator emulator, HttpRequest request)
    {
        emulator.Log(request, null);
        var (limit, limitError) = Limit.Read(QueryValue(request, "limit"), 100, 100);
        var field = request.Query["sort_field"].FirstOrDefault() ?? "DEFAULT";
        var order = request.Query["sort_order"].FirstOrDefault() ?? "ASC";
        var error = limitError ?? SortError(field, order, "sort_field", "sort_order");
        var (cursor, cursorError) = SquareRequestBody.Cursor(request.Query["cursor"], SquareCursor.FingerprintOf("customers.list", field, order));
        if ((error ?? cursorError) is { } failure)
        {
            return failure.Result();
        }

        lock (emulator.Gate)
        {
            return Page(emulator, _ => true, field, order, limit, cursor, request.Query["cursor"], null, request.Query["count"] == "true");
        }
    }

    public static async Task<IResult> SearchAsync(SquareEmulator emulator, HttpRequest request)
    {
        var (body, bodyError) = await SquareRequestBody.ReadAsync(request);
        emulator.Log(request, body);
        if (bodyError is not null)
        {
            return bodyError.Result();
        }

        var query = body!["query"] as JsonObject;
        var filter = query?["filter"] as JsonObject;
        var field = SquareRequestBody.String(query?["sort"]?["field"]) ?? "DEFAULT";
        var order = SquareRequestBody.String(query?["sort"]?["order"]) ?? "ASC";
        var (limit, limitError) = Limit.Read(body["limit"], 100, 100);
        var (created, createdError) = TimeRange.Read(filter?["created_at"], "query.filter.created_at");
        var (updated, updatedError) = TimeRange.Read(filter?["updated_at"], "query.filter.updated_at");
        var (cursor, cursorError) = SquareRequestBody.Cursor(SquareRequestBody.String(body["cursor"]), SquareCursor.FingerprintOf("customers.search", query?.ToJsonString()));
        if ((limitError ?? createdError ?? updatedError ?? SortError(field, order, "query.sort.field", "query.sort.order") ?? cursorError) is { } error)
        {
            return error.Result();
        }

        var email = filter?["email_address"] as JsonObject;
        var reference = filter?["reference_id"] as JsonObject;
        var visibleBefore = emulator.Now() - emulator.SearchIndexDelay;
        lock (emulator.Gate)
        {
            bool Matches(SquareCustomer c) =>
                c.UpdatedAt <= visibleBefore
                && (created is null || created.Contains(c.CreatedAt))
                && (updated is null || updated.Contains(c.UpdatedAt))
                && TextMatches(email, c.EmailAddress)
                && TextMatches(reference, c.ReferenceId);
            return Page(emulator, Matches, field, order, limit, cursor, SquareRequestBody.String(body["cursor"]), query?.ToJsonString(), body["count"] is JsonValue flag && flag.TryGetValue(out bool wanted) && wanted);
        }
    }

    private static IResult Page(SquareEmulator emulator, Func<SquareCustomer, bool> matches, string field, string order, int limit, SquareCursor? cursor, string? requested, string? query, bool count)
    {
        Func<SquareCustomer, string> key = field == "CREATED_AT"
            ? c => SquareTime.SortKey(c.CreatedAt) + c.Id
            : c => $"{c.GivenName?.ToUpperInvariant()}\u0001{c.FamilyName?.ToUpperInvariant()}\u0001{c.Id}";
        var sorted = emulator.Sorted($"customers:{field}", emulator.AllCustomers, key);
        var (page, more) = PageCursors.PastTheEnd(cursor) ? ([], false) : KeysetPage.Take(sorted, key, matches, order == "DESC", cursor?.LastKey, limit);
        var response = new JsonObject();
        if (page.Count > 0)
        {
            response["customers"] = new JsonArray(page.Select(c => (JsonNode)c.ToJson()).ToArray());
        }

        var fingerprint = query is null ? SquareCursor.FingerprintOf("customers.list", field, order) : SquareCursor.FingerprintOf("customers.search", query);
        if (PageCursors.Next(emulator.Paging, requested, cursor, fingerprint, page.Count > 0 ? key(page[^1]) : null, more, null) is { } next)
        {
            response["cursor"] = next;
        }

        if (count)
        {
            response["count"] = emulator.AllCustomers.Count(matches);
        }

        return SquareRequestBody.Ok(response);
    }

    /// <summary>An <c>{"exact": ...}</c> (case-insensitive) or <c>{"fuzzy": ...}</c> (contains) text filter.</summary>
    private static bool TextMatches(JsonObject? filter, string? value)
    {
        if (filter is null)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        return SquareRequestBody.String(filter["exact"]) is { } exact
            ? string.Equals(exact, value, StringComparison.OrdinalIgnoreCase)
            : SquareRequestBody.String(filter["fuzzy"]) is not { } fuzzy || value.Contains(fuzzy, StringComparison.OrdinalIgnoreCase);
    }

    private static SquareError? SortError(string field, string order, string fieldName, string orderName) =>
        field is not ("DEFAULT" or "CREATED_AT")
            ? SquareError.InvalidRequest("INVALID_ENUM_VALUE", $"`{field}` is not a valid enum value for `{fieldName}`; expected DEFAULT or CREATED_AT.", fieldName)
            : order is not ("ASC" or "DESC")
                ? SquareError.InvalidRequest("INVALID_ENUM_VALUE", $"`{order}` is not a valid enum value for `{orderName}`; expected ASC or DESC.", orderName)
                : null;

    private static JsonNode? QueryValue(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? JsonValue.Create(value.ToString()) : null;
}
