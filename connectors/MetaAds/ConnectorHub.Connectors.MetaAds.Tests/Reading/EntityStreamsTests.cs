using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Reading;

public sealed class EntityStreamsTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task FullRefresh_ReadsEveryAccountCampaignAdSetAndAd_OfTheSeed()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(pageSize: 5), null, "ad_accounts", "campaigns", "adsets", "ads");

        var data = _sandbox.Emulator.Data;
        Assert.Equal(["act_" + MetaAdsSandbox.FirstAccount, "act_" + MetaAdsSandbox.SecondAccount], result.Ids("ad_accounts"));
        AssertSame(data.Campaigns.Select(c => c.Id), result.Ids("campaigns"));
        AssertSame(data.AdSets.Select(s => s.Id), result.Ids("adsets"));
        AssertSame(data.Ads.Select(a => a.Id), result.Ids("ads"));
        var ad = data.Ads[3];
        var read = result.Records("ads").Single(a => a["id"]!.GetValue<string>() == ad.Id);
        Assert.Equal(ad.AdSetId, read["adset_id"]!.GetValue<string>());
        Assert.Equal(ad.CreativeId, read["creative"]!["id"]!.GetValue<string>());
        Assert.Equal("America/Los_Angeles", result.Records("ad_accounts")[0]["timezone_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheConfiguredAccounts_AreRead()
    {
        var config = _sandbox.Config();
        config["ad_account_ids"] = new JsonArray("act_" + MetaAdsSandbox.SecondAccount);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config, null, "campaigns");

        AssertSame(_sandbox.Emulator.Data.Campaigns.Where(c => c.AccountId == MetaAdsSandbox.SecondAccount).Select(c => c.Id), result.Ids("campaigns"));
        Assert.DoesNotContain(_sandbox.Emulator.Requests, r => r.Path.EndsWith("/me/adaccounts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullRefresh_ResumesFromTheLastCheckpoint_AfterACrash()
    {
        var config = _sandbox.Config(pageSize: 5);
        var committed = new List<string>();
        var pending = new List<string>();
        JsonNode? state = null;
        var seen = 0;
        await foreach (var message in _sandbox.Source.ReadAsync(_sandbox.Context(config), MetaAdsSandbox.Request(SyncMode.FullRefresh, null, "ads"), CancellationToken.None))
        {
            if (message is RecordMessage record)
            {
                pending.Add(record.Data["id"]!.GetValue<string>());
                if (++seen == 17)
                {
                    break;
                }
            }
            else if (message is StateMessage checkpoint)
            {
                committed.AddRange(pending);
                pending.Clear();
                state = checkpoint.State;
            }
        }

        var resumed = await _sandbox.ReadAsync(SyncMode.FullRefresh, config, new Dictionary<string, JsonNode> { ["ads"] = state! }, "ads");

        Assert.Equal(12, committed.Count);
        AssertSame(_sandbox.Emulator.Data.Ads.Select(a => a.Id), [.. committed, .. resumed.Ids("ads")]);
    }

    internal static void AssertSame(IEnumerable<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(actual.Count, actual.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
