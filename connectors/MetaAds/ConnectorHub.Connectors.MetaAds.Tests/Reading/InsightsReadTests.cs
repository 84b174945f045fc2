using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Reading;

public sealed class InsightsReadTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task FullRefresh_OfABigRange_UsesAsyncReportRuns_AndMatchesTheSeed()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh);

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(MetaAdsSandbox.FirstDay, MetaAdsSandbox.LastDay), result.InsightKeys());
        // 92 days per account, more than the 7-day threshold: one report run per account and day, no sync requests.
        Assert.Equal(2 * 92, _sandbox.Emulator.ReportRuns.Count);
        Assert.All(_sandbox.Emulator.ReportRuns, r => Assert.Equal(r.Request.Since, r.Request.Until));
        Assert.DoesNotContain(_sandbox.Emulator.Requests, r => r.Method == "GET" && r.Path.EndsWith("/insights", StringComparison.Ordinal) && r.Path.Contains("act_", StringComparison.Ordinal));

        var stats = _sandbox.Emulator.Data.Stats.First(s => s.Date == new DateOnly(2024, 5, 20) && s.Impressions > 0);
        var row = result.Records("insights_daily").Single(r => r["ad_id"]!.GetValue<string>() == stats.AdId && r["date_start"]!.GetValue<string>() == "2024-05-20");
        Assert.Equal(stats.Impressions.ToString(CultureInfo.InvariantCulture), row["impressions"]!.GetValue<string>());
        Assert.Equal(stats.Spend, decimal.Parse(row["spend"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var validator = JsonSchemaValidator.FromJson((await _sandbox.Source.DiscoverAsync(_sandbox.Context(), CancellationToken.None)).Single(s => s.Name == "insights_daily").JsonSchema);
        Assert.All(result.Records("insights_daily"), r => Assert.Empty(validator.Validate(r)));
    }

    [Fact]
    public async Task ASmallRange_IsReadWithSyncRequests_OneDayAtATime_WithACheckpointPerDay()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-27"));

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 27), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Empty(_sandbox.Emulator.ReportRuns);
        var ranges = _sandbox.Emulator.Requests.Where(r => r.Path.EndsWith("/insights", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r["time_range"]!)!).ToList();
        Assert.Equal(10, ranges.Count);
        Assert.All(ranges, r => Assert.Equal(r["since"]!.GetValue<string>(), r["until"]!.GetValue<string>()));
        Assert.All(_sandbox.Emulator.Requests.Where(r => r.Path.EndsWith("/insights", StringComparison.Ordinal)), r => Assert.Equal("1", r["time_increment"]));
        Assert.Equal(10 + 1, result.Messages.OfType<StateMessage>().Count());
    }

    [Fact]
    public async Task ASyncRequestRefusedAsTooLarge_FallsBackToAnAsyncReportRun()
    {
        _sandbox.Emulator.MaxSyncRows = 5;

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-29"));

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 29), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Equal(2 * 3, _sandbox.Emulator.ReportRuns.Count);
        Assert.Contains(result.Messages.OfType<LogMessage>(), m => m.Message.Contains("async report runs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("account", "account_id")]
    [InlineData("campaign", "campaign_id")]
    [InlineData("adset", "adset_id")]
    public async Task TheLevel_DecidesWhatARowIs_AndItsPrimaryKey(string level, string idField)
    {
        var config = _sandbox.Config(startDate: "2024-05-30", level: level);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config);
        var stream = (await _sandbox.Source.DiscoverAsync(_sandbox.Context(config), CancellationToken.None)).Single(s => s.Name == "insights_daily");

        EntityStreamsTests.AssertSame(_sandbox.ExpectedKeys(level, new(2024, 5, 30), MetaAdsSandbox.LastDay), result.InsightKeys(idField));
        Assert.All(result.Records("insights_daily"), r => Assert.Null(r["ad_id"]));
        Assert.Contains([idField], stream.PrimaryKey);
        Assert.Contains(["date_start"], stream.PrimaryKey);
    }

    [Fact]
    public async Task AFailedReportRun_IsRequestedAgain()
    {
        _sandbox.Emulator.FailNextReportRuns(1);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-29", asyncThresholdDays: 0));

        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 29), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Equal(2 * 3 + 1, _sandbox.Emulator.ReportRuns.Count);
        Assert.Equal("Job Failed", _sandbox.Emulator.ReportRuns[0].Status);
    }
}
