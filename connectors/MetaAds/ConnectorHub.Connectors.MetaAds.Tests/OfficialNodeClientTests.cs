using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sandbox.Meta.Insights;

namespace ConnectorHub.Connectors.MetaAds.Tests;

/// <summary>Meta's official Node Business SDK (npm <c>facebook-nodejs-business-sdk</c> 24.0.1) works against the emulator.</summary>
public sealed class OfficialNodeClientTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [NodeFact]
    public async Task TheOfficialNodeSdk_ReadsNodesEdgesAndInsights_SyncAndAsync()
    {
        var seen = await NodeScript.RunAsync("meta-client.js", _sandbox.Host.BaseAddress.ToString(), MetaInsightsEmulator.DefaultAccessToken, MetaAdsSandbox.FirstAccount);

        var data = _sandbox.Emulator.Data;
        Assert.Equal("act_" + MetaAdsSandbox.FirstAccount, seen["account"]!["id"]!.GetValue<string>());
        Assert.Equal(data.Campaigns.Where(c => c.AccountId == MetaAdsSandbox.FirstAccount).Select(c => c.Id), Strings(seen["campaignIds"]!));
        Assert.Equal(data.Ads.Where(a => a.AccountId == MetaAdsSandbox.FirstAccount).Select(a => a.Id), Strings(seen["adIds"]!));
        var expected = _sandbox.ExpectedAdKeys(new(2024, 5, 1), new(2024, 5, 3)).Where(k => k.StartsWith(MetaAdsSandbox.FirstAccount, StringComparison.Ordinal)).ToList();
        var rows = seen["syncRows"]!.AsArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => $"{MetaAdsSandbox.FirstAccount}/{r!["ad_id"]}/{r["date"]}").Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.String, r!["impressions"]!.GetValueKind()));
        Assert.Equal("Job Completed", Strings(seen["statuses"]!)[^1]);
        Assert.Equal(_sandbox.ExpectedKeys("campaign", new(2024, 5, 1), new(2024, 5, 7)).Count(k => k.StartsWith(MetaAdsSandbox.FirstAccount, StringComparison.Ordinal)), seen["asyncRows"]!.GetValue<int>());
        Assert.Equal(100, seen["unknownAccountError"]!["code"]!.GetValue<int>());
        Assert.Contains(_sandbox.Emulator.Requests, r => r.Path.StartsWith("/v24.0/", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Strings(JsonNode node) => node.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
