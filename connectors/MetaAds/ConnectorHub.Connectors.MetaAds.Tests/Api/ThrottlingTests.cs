using ConnectorHub.Connectors.MetaAds.Tests.Reading;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sandbox.Meta.Insights;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Api;

public sealed class ThrottlingTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task AThrottlingStorm_WaitsAsLongAsTheUsageHeaderSays_AndCompletes()
    {
        var insights = $"/v21.0/act_{MetaAdsSandbox.FirstAccount}/insights";
        _sandbox.Host.Faults
            .Add(InsightsFaults.Throttled(3, MetaAdsSandbox.FirstAccount, 80000, insights), times: 3)
            .Add(InsightsFaults.Throttled(1, MetaAdsSandbox.FirstAccount, 17, insights), times: 2)
            .Add(InsightsFaults.Throttled(7, MetaAdsSandbox.FirstAccount, 613, insights));

        var result = await _sandbox.ReadAsync(SyncMode.Incremental, _sandbox.Config(startDate: "2024-05-28"));

        Assert.Equal(6, _sandbox.Host.Faults.Served);
        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 28), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Equal(
            [TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(7)],
            _sandbox.Time.Delays);
    }

    [Fact]
    public async Task ThrottlingOfAsyncReportRuns_IsWaitedOutToo()
    {
        _sandbox.Host.Faults.Add(InsightsFaults.Throttled(2, MetaAdsSandbox.SecondAccount, 80000, $"/v21.0/act_{MetaAdsSandbox.SecondAccount}/insights"), times: 4);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-20", asyncThresholdDays: 3));

        Assert.Equal(4, _sandbox.Host.Faults.Served);
        EntityStreamsTests.AssertSame(_sandbox.ExpectedAdKeys(new(2024, 5, 20), MetaAdsSandbox.LastDay), result.InsightKeys());
        Assert.Equal(4, _sandbox.Time.Delays.Count(w => w == TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedAsTransient()
    {
        _sandbox.Host.Faults.Add(MetaFaults.ServiceUnavailable($"/v21.0/act_{MetaAdsSandbox.FirstAccount}/campaigns"), times: 2);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(), null, "campaigns");

        Assert.Equal(2, _sandbox.Host.Faults.Served);
        EntityStreamsTests.AssertSame(_sandbox.Emulator.Data.Campaigns.Select(c => c.Id), result.Ids("campaigns"));
    }
}
