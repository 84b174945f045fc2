using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Partitions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ConnectorHub.Sdk.Tests.Streams.Reading;

/// <summary>The stream-owned read loop against real HTTP: paging, checkpoints, incremental boundaries, partitions, slices and error rules.</summary>
public sealed class HttpStreamReadingTests : IDisposable
{
    private readonly StubApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task FullRefresh_PagesByOffset_CheckpointsTheNextPage_AndResumesFromIt()
    {
        ServeOrders(count: 7);
        var source = Orders();

        var all = await _api.ReadAsync(source, "orders", SyncMode.FullRefresh);
        var resumed = await _api.ReadAsync(source, "orders", SyncMode.FullRefresh, new JsonObject { ["page"] = "3" });

        Assert.Equal(Enumerable.Range(1, 7).Select(Id), all.Records.Select(r => r.Data["id"]!.GetValue<string>()));
        Assert.Equal(["{\"page\":\"3\"}", "{\"page\":\"6\"}", "{}"], all.States.Select(s => s.State.ToJsonString()));
        Assert.Equal(Enumerable.Range(4, 4).Select(Id), resumed.Records.Select(r => r.Data["id"]!.GetValue<string>()));
        Assert.Equal("key-123456", _api.Server.LogEntries.ToArray()[0].RequestMessage.Headers!["X-Api-Key"][0]);
    }

    [Fact]
    public async Task Incremental_AsksFromTheCursor_AndSkipsTheBoundaryRecordsAlreadyEmitted()
    {
        ServeOrders(count: 7, sameTimeFrom: 5);
        var source = Orders(incremental: true);

        var first = await _api.ReadAsync(source, "orders", SyncMode.Incremental);
        var second = await _api.ReadAsync(source, "orders", SyncMode.Incremental, first.LastState("orders"));

        Assert.Equal(7, first.Records.Count);
        Assert.Equal("{\"cursor\":\"2024-06-05T00:00:00.000Z\",\"ids\":[\"o5\",\"o6\",\"o7\"]}", first.LastState("orders")!.ToJsonString());
        Assert.Empty(second.Records);
        Assert.Equal("2024-06-05T00:00:00.000Z", _api.Queried("/orders", "updated_since")[^1]);
    }

    [Fact]
    public async Task ChildStream_ReadsEachParentsChildren_WithTheParentInPathAndRecords()
    {
        _api.Server.Given(Request.Create().WithPath("/accounts").UsingGet()).RespondWith(Json(new JsonObject { ["data"] = new JsonArray(new JsonObject { ["id"] = "a1" }, new JsonObject { ["id"] = "a2" }) }));
        foreach (var account in new[] { "a1", "a2" })
        {
            _api.Server.Given(Request.Create().WithPath($"/accounts/{account}/campaigns").UsingGet())
                .RespondWith(Json(new JsonObject { ["data"] = new JsonArray(new JsonObject { ["id"] = $"{account}-c1" }, new JsonObject { ["id"] = $"{account}-c2" }) }));
        }

        var source = new StubSource(s => new HttpSourceBuilder("Ads", s.BaseUrl)
            .AddStream("accounts", stream => stream.Get("accounts").SelectRecords("data").WithPrimaryKey("id"))
            .AddStream("campaigns", stream => stream
                .Get("accounts/{id}/campaigns")
                .SelectRecords("data")
                .ForEachParent(new ParentStreamOptions { ParentStream = "accounts" })
                .AddField("account_id", (_, args) => args.Partition?["id"]?.DeepClone())
                .WithPrimaryKey("id")));

        var read = await _api.ReadAsync(source, "campaigns", SyncMode.FullRefresh);
        var resumed = await _api.ReadAsync(source, "campaigns", SyncMode.FullRefresh, read.States[0].State);

        Assert.Equal(["a1-c1:a1", "a1-c2:a1", "a2-c1:a2", "a2-c2:a2"], read.Records.Select(r => $"{r.Data["id"]}:{r.Data["account_id"]}"));
        Assert.Equal("{\"partitions\":{\"a1\":{\"done\":true}}}", read.States[0].State.ToJsonString());
        Assert.Equal("{}", read.States[^1].State.ToJsonString());
        Assert.Equal(["a2-c1", "a2-c2"], resumed.Records.Select(r => r.Data["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ErrorRules_SetARequestAside_OrIgnoreIt_AndTheReadGoesOn()
    {
        _api.Server.Given(Request.Create().WithPath("/lists").UsingGet()).RespondWith(Json(new JsonObject { ["lists"] = new JsonArray(new JsonObject { ["id"] = "l1" }, new JsonObject { ["id"] = "gone" }, new JsonObject { ["id"] = "bad" }) }));
        _api.Server.Given(Request.Create().WithPath("/lists/l1/members").UsingGet()).RespondWith(Json(new JsonObject { ["members"] = new JsonArray(new JsonObject { ["id"] = "m1" }) }));
        _api.Server.Given(Request.Create().WithPath("/lists/gone/members").UsingGet()).RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"title":"Resource Not Found"}"""));
        _api.Server.Given(Request.Create().WithPath("/lists/bad/members").UsingGet()).RespondWith(Response.Create().WithStatusCode(422).WithBody("""{"detail":"member data is corrupt"}"""));
        var source = new StubSource(s => new HttpSourceBuilder("Lists", s.BaseUrl)
            .OnError(new ErrorRule { StatusCodes = [404], Action = ErrorAction.Ignore })
            .OnError(new ErrorRule { StatusCodes = [422], Action = ErrorAction.Record, Message = e => $"{e.Json?["detail"]} ({e.Request})" })
            .AddStream("lists", stream => stream.Get("lists").SelectRecords("lists").WithPrimaryKey("id"))
            .AddStream("members", stream => stream.Get("lists/{id}/members").SelectRecords("members").ForEachParent(new ParentStreamOptions { ParentStream = "lists" }).WithPrimaryKey("id")));

        var read = await _api.ReadAsync(source, "members", SyncMode.FullRefresh);

        Assert.Equal(["m1"], read.Records.Select(r => r.Data["id"]!.GetValue<string>()));
        var rejection = Assert.Single(read.Rejections);
        Assert.Equal("member data is corrupt (GET /lists/bad/members)", rejection.Reason);
        Assert.Contains("/lists/bad/members", rejection.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmatchedFailure_StopsTheRead_WithTheRedactedExchange()
    {
        _api.Server.Given(Request.Create().WithPath("/orders").UsingGet()).RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"error":"bad filter","api_key":"key-123456"}"""));

        var failure = await Assert.ThrowsAsync<ConnectorInternalException>(() => _api.ReadAsync(Orders(), "orders", SyncMode.FullRefresh));

        Assert.Contains("400", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-123456", failure.Message, StringComparison.Ordinal);
        Assert.Equal("***", failure.FailedRequest!.RequestHeaders["X-Api-Key"]);
        Assert.DoesNotContain("key-123456", failure.FailedRequest.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimited_WaitsTheRetryAfter_AndCompletes()
    {
        ServeOrders(count: 4);
        _api.Server.Given(Request.Create().WithPath("/orders").WithParam("offset", "3").UsingGet()).AtPriority(1).InScenario("storm").WillSetStateTo("calm")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7"));

        var read = await _api.ReadAsync(Orders(), "orders", SyncMode.FullRefresh);

        Assert.Equal(4, read.Records.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), _api.Time.Delays);
    }

    [Fact]
    public async Task DateSlices_SendEachRange_CheckpointAfterEach_AndIncrementalStartsAtTheLastSlice()
    {
        _api.Time.SetUtcNow(new DateTimeOffset(2026, 6, 4, 12, 0, 0, TimeSpan.Zero));
        _api.Server.Given(Request.Create().WithPath("/insights").UsingGet())
            .RespondWith(Response.Create().WithCallback(request => new WireMock.ResponseMessage
            {
                StatusCode = 200,
                BodyData = new WireMock.Util.BodyData { BodyAsJson = new { data = new[] { new { day = request.Query!["since"].Single() } } }, DetectedBodyType = WireMock.Types.BodyType.Json },
            }));
        var source = new StubSource(s => new HttpSourceBuilder("Ads", s.BaseUrl)
            .AddStream("insights", stream => stream.Get("insights").SelectRecords("data").WithPrimaryKey("day").SliceByDate(new DateSlicingOptions
            {
                Start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
                Format = CursorFormat.Date,
                StartOption = RequestOption.InQuery("since"),
                EndOption = RequestOption.InQuery("until"),
                InclusiveEnd = true,
            })));

        var full = await _api.ReadAsync(source, "insights", SyncMode.Incremental);
        _api.Time.Advance(TimeSpan.FromDays(1));
        var next = await _api.ReadAsync(source, "insights", SyncMode.Incremental, full.LastState("insights"));

        Assert.Equal(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"], full.Records.Select(r => r.Data["day"]!.GetValue<string>()));
        Assert.Equal(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"], _api.Queried("/insights", "until").Take(4));
        Assert.Equal("{\"slice\":\"2026-06-04T12:00:00.000Z\"}", full.LastState("insights")!.ToJsonString());
        Assert.Equal(["2026-06-04", "2026-06-05"], next.Records.Select(r => r.Data["day"]!.GetValue<string>()));
    }

    [Fact]
    public async Task QueryResultCap_StartsANewQueryFromTheCursor_BeforeTheCapIsCrossed()
    {
        ServeOrders(count: 9);
        var source = Orders(incremental: true, cap: 6);

        var read = await _api.ReadAsync(source, "orders", SyncMode.Incremental);

        Assert.Equal(9, read.Records.Count);
        Assert.Equal(9, read.Records.Select(r => r.Data["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains(_api.Queried("/orders", "updated_since"), v => v is not null);
    }

    private StubSource Orders(bool incremental = false, int? cap = null) => new(s =>
    {
        var source = new HttpSourceBuilder("Shop", s.BaseUrl).UseApiKey(new ApiKeyAuthenticationOptions { Name = "X-Api-Key", Key = s.ApiKey });
        source.AddStream("orders", stream =>
        {
            stream.Get("orders").SelectRecords("orders").WithPrimaryKey("id").AddOffsetPagination(new OffsetPaginationOptions { PageSize = 3 });
            if (incremental)
            {
                stream.AddIncremental(new IncrementalOptions { CursorField = "updated_at", StartOption = RequestOption.InQuery("updated_since"), SortedByCursor = true, QueryResultCap = cap });
            }
        });
        return source;
    });

    /// <summary>Orders o1..oN, updated a day apart (from <paramref name="sameTimeFrom"/> on, all at one time), filtered by updated_since, paged by offset and limit.</summary>
    private void ServeOrders(int count, int? sameTimeFrom = null) =>
        _api.Server.Given(Request.Create().WithPath("/orders").UsingGet()).AtPriority(5)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var query = request.Query!;
                var since = query.TryGetValue("updated_since", out var s) ? DateTimeOffset.Parse(s.Single(), CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
                var offset = int.Parse(query["offset"].Single(), CultureInfo.InvariantCulture);
                var limit = int.Parse(query["limit"].Single(), CultureInfo.InvariantCulture);
                var orders = Enumerable.Range(1, count)
                    .Select(i => new { id = Id(i), updated_at = new DateTimeOffset(2024, 6, Math.Min(i, sameTimeFrom ?? int.MaxValue), 0, 0, 0, TimeSpan.Zero) })
                    .Where(o => o.updated_at >= since)
                    .Skip(offset)
                    .Take(limit)
                    .Select(o => new { o.id, updated_at = o.updated_at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) })
                    .ToArray();
                return new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsJson = new { orders }, DetectedBodyType = WireMock.Types.BodyType.Json } };
            }));

    private static string Id(int i) => $"o{i}";

    private static IResponseBuilder Json(JsonObject body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
}
