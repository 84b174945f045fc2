using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Reading;

public sealed class InsightsIncrementalTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Incremental_FromTheLastState_WithNoLookback_ReturnsNothingNew()
    {
        var config = _sandbox.Config(startDate: "2024-05-01");
        var first = await _sandbox.ReadAsync(SyncMode.Incremental, config);
        var second = await _sandbox.ReadAsync(SyncMode.Incremental, config, first.States());

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 1), MetaAdsSandbox.LastDay), first.InsightKeys());
        Assert.Empty(second.Records("insights_daily"));
        Assert.Equal("2024-05-31", first.LastState("insights_daily")!["accounts"]![MetaAdsSandbox.FirstAccount]!["through"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incremental_ReReadsTheLookbackWindow_PickingUpRestatedDays_AndReadsNewDays()
    {
        var config = _sandbox.Config(startDate: "2024-05-01", lookbackDays: 3);
        var first = await _sandbox.ReadAsync(SyncMode.Incremental, config);
        _sandbox.Emulator.Restate(new DateOnly(2024, 5, 30), purchases: 5, value: 20m);
        var newDay = _sandbox.Emulator.AddDay();
        _sandbox.Time.Advance(TimeSpan.FromDays(1));
        var runsBefore = _sandbox.Emulator.ReportRuns.Count;

        var second = await _sandbox.ReadAsync(SyncMode.Incremental, config, first.States());

        // Lookback 3 from 2024-05-31: 05-29, 05-30, 05-31 again, then the new day 06-01; read with sync requests.
        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 29), newDay), second.InsightKeys());
        Assert.Equal(runsBefore, _sandbox.Emulator.ReportRuns.Count);
        var before = first.Records("insights_daily").Where(r => r["date_start"]!.GetValue<string>() == "2024-05-30").ToDictionary(r => r["ad_id"]!.GetValue<string>());
        var after = second.Records("insights_daily").Where(r => r["date_start"]!.GetValue<string>() == "2024-05-30").ToList();
        Assert.NotEmpty(after);
        Assert.All(after, r => Assert.Equal(Purchases(before[r["ad_id"]!.GetValue<string>()]) + 5, Purchases(r)));
        Assert.Equal("2024-06-01", second.LastState("insights_daily")!["accounts"]![MetaAdsSandbox.SecondAccount]!["through"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStateFromTheFuture_ReadsNothing()
    {
        var state = JsonNode.Parse("""{"version":1,"level":"ad","accounts":{"1234567890":{"through":"2030-01-01"},"2345678901":{"through":"2030-01-01"}}}""")!;

        var result = await _sandbox.ReadAsync(SyncMode.Incremental, _sandbox.Config(lookbackDays: 28), new Dictionary<string, JsonNode> { ["insights_daily"] = state });

        Assert.Empty(result.Records("insights_daily"));
    }

    [Fact]
    public async Task AStateOfAnotherLevel_IsSetAside_AndTheStreamReadFromTheStartDate()
    {
        var state = JsonNode.Parse("""{"version":1,"level":"campaign","accounts":{"1234567890":{"through":"2024-05-31"}}}""")!;

        var result = await _sandbox.ReadAsync(SyncMode.Incremental, _sandbox.Config(startDate: "2024-05-30"), new Dictionary<string, JsonNode> { ["insights_daily"] = state });

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 30), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Contains(result.Messages.OfType<LogMessage>(), m => m.Message.Contains("campaign level", StringComparison.Ordinal));
    }

    private static long Purchases(JsonObject row) =>
        long.Parse((row["actions"] as JsonArray)?.FirstOrDefault(a => a!["action_type"]!.GetValue<string>() == "purchase")?["value"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
}
