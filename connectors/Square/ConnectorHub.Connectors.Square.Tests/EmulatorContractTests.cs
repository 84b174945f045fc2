using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sandbox.Square;

namespace ConnectorHub.Connectors.Square.Tests;

/// <summary>The Square emulator behaves like Square's v2 API for the calls that matter (raw HTTP, no connector).</summary>
public sealed class EmulatorContractTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SquareSandbox.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.Host.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", SquareEmulator.DefaultAccessToken);
        _http.DefaultRequestHeaders.Add("Square-Version", "2024-06-04");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task SearchOrders_RefusesASortFieldOtherThanTheFilteredDateField()
    {
        var (status, body) = await PostAsync("v2/orders/search", OrdersQuery(_sandbox.Emulator.Locations.Take(2), sortField: "CREATED_AT"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_REQUEST_ERROR", error["category"]!.GetValue<string>());
        Assert.Equal("query.sort.sort_field", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchOrders_RefusesMoreThanTenLocations_AndNone()
    {
        var (tooMany, tooManyBody) = await PostAsync("v2/orders/search", OrdersQuery(_sandbox.Emulator.Locations.Take(11)));
        var (none, noneBody) = await PostAsync("v2/orders/search", new JsonObject { ["limit"] = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.Equal("ARRAY_LENGTH_TOO_LONG", tooManyBody["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.Equal("MISSING_REQUIRED_PARAMETER", noneBody["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchOrders_PagesWithACursorThatOnlyWorksWithTheOriginalQuery()
    {
        var locations = _sandbox.Emulator.Locations.Take(10).ToList();
        var query = OrdersQuery(locations);
        query["limit"] = 5;
        var (_, first) = await PostAsync("v2/orders/search", query);
        var cursor = first["cursor"]!.GetValue<string>();

        var next = (JsonObject)query.DeepClone();
        next["cursor"] = cursor;
        var (okStatus, second) = await PostAsync("v2/orders/search", next);
        var changed = OrdersQuery(locations.Take(3));
        changed["cursor"] = cursor;
        var (badStatus, bad) = await PostAsync("v2/orders/search", changed);

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(5, first["orders"]!.AsArray().Count);
        Assert.Empty(first["orders"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).Intersect(second["orders"]!.AsArray().Select(o => o!["id"]!.GetValue<string>())));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal("INVALID_CURSOR", bad["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchOrders_KeysetPaging_SeesAnOrderChangedBetweenPages_AgainAtItsNewPlace()
    {
        var query = OrdersQuery(_sandbox.Emulator.Locations.Take(10));
        query["query"]!["filter"]!["date_time_filter"]!["updated_at"]!["end_at"] = "2030-01-01T00:00:00Z";
        query["limit"] = 20;
        var (_, first) = await PostAsync("v2/orders/search", query);
        var firstIds = Ids(first);
        _sandbox.Clock.Advance(TimeSpan.FromHours(1));
        var moved = _sandbox.Emulator.UpdateOrder(firstIds[0]).Id;

        var rest = new List<string>();
        var cursor = first["cursor"]?.GetValue<string>();
        while (cursor is not null)
        {
            var next = (JsonObject)query.DeepClone();
            next["cursor"] = cursor;
            var (_, page) = await PostAsync("v2/orders/search", next);
            rest.AddRange(Ids(page));
            cursor = page["cursor"]?.GetValue<string>();
        }

        var inBatch = _sandbox.Emulator.Orders.Where(o => _sandbox.Emulator.Locations.Take(10).Any(l => l.Id == o.LocationId)).Select(o => o.Id);
        Assert.Equal(moved, rest[^1]);
        Assert.Equal(inBatch.Order(StringComparer.Ordinal), firstIds.Concat(rest).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(firstIds.Count + rest.Count - 1, firstIds.Concat(rest).Distinct().Count());
    }

    [Fact]
    public async Task Customers_RefuseALimitAbove100_WithValueTooHigh()
    {
        using var response = await _http.GetAsync("v2/customers?limit=101");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALUE_TOO_HIGH", body["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("limit", body["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task CustomerSearch_WithNoMatch_AnswersAnEmptyObject()
    {
        var (status, body) = await PostAsync("v2/customers/search", JsonNode.Parse("""
            {"query":{"filter":{"updated_at":{"start_at":"2030-01-01T00:00:00Z"}}}}
            """)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Payments_DefaultToTheMainLocation_NewestFirst_AndMoneyInMinorUnits()
    {
        using var response = await _http.GetAsync("v2/payments");
        var payments = (await response.Content.ReadFromJsonAsync<JsonObject>())!["payments"]!.AsArray();

        var main = _sandbox.Emulator.Locations.Single(l => l.IsMain).Id;
        Assert.All(payments, p => Assert.Equal(main, p!["location_id"]!.GetValue<string>()));
        var created = payments.Select(p => p!["created_at"]!.GetValue<string>()).ToList();
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), created);
        Assert.True(payments[0]!["amount_money"]!["amount"]!.GetValue<long>() > 0);
        Assert.Equal("USD", payments[0]!["amount_money"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_WithoutAValidToken_Get401Unauthorized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/locations");
        request.Headers.Authorization = new("Bearer", "nope");
        using var response = await _http.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTHENTICATION_ERROR", body["errors"]![0]!["category"]!.GetValue<string>());
        Assert.Equal("UNAUTHORIZED", body["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthRefresh_IssuesA30DayToken_ThatExpiresByTheEmulatorClock()
    {
        _sandbox.Emulator.RegisterOAuthClient("sq0idp-app", "sq0csp-secret", "EQAA-refresh");
        using var refresh = await _http.PostAsJsonAsync("oauth2/token", new JsonObject
        {
            ["client_id"] = "sq0idp-app", ["client_secret"] = "sq0csp-secret", ["grant_type"] = "refresh_token", ["refresh_token"] = "EQAA-refresh",
        });
        var tokens = (await refresh.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = tokens["access_token"]!.GetValue<string>();

        _sandbox.Clock.Advance(TimeSpan.FromDays(31));
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/locations");
        request.Headers.Authorization = new("Bearer", token);
        using var expired = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal("EQAA-refresh", tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal(_sandbox.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), tokens["expires_at"]!.GetValue<string>()[..10]);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("ACCESS_TOKEN_EXPIRED", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_WritesTheSamePeopleDifferently_AndIsDeterministic()
    {
        var again = new SquareEmulator(SquareSandbox.SmallSeed);
        var customers = _sandbox.Emulator.Customers;

        Assert.Equal(customers.Select(c => c.Id), again.Customers.Select(c => c.Id));
        Assert.Contains(customers, c => c.EmailAddress is { } e && !e.Equals(e.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(customers, c => c.PhoneNumber is { } p && p.StartsWith('('));
        Assert.Contains(customers, c => c.PhoneNumber is { } p && p.StartsWith("+1-", StringComparison.Ordinal));
        Assert.True(customers.GroupBy(c => c.UpdatedAt).Any(g => g.Count() > 1), "some customers share an updated_at, to exercise cursor boundaries");
    }

    private static JsonObject OrdersQuery(IEnumerable<Sandbox.Square.Data.SquareLocation> locations, string sortField = "UPDATED_AT") => new()
    {
        ["location_ids"] = new JsonArray(locations.Select(l => (JsonNode?)JsonValue.Create(l.Id)).ToArray()),
        ["query"] = new JsonObject
        {
            ["filter"] = new JsonObject { ["date_time_filter"] = new JsonObject { ["updated_at"] = new JsonObject { ["start_at"] = "2020-01-01T00:00:00Z" } } },
            ["sort"] = new JsonObject { ["sort_field"] = sortField, ["sort_order"] = "ASC" },
        },
    };

    private static List<string> Ids(JsonObject page) => (page["orders"] as JsonArray ?? []).Select(o => o!["id"]!.GetValue<string>()).ToList();

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
