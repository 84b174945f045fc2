using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Insights;
using ConnectorHub.Sandbox.Meta.Insights.Seed;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Sdk.Testing.Time;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Connectors.MetaAds.Tests.Acceptance;

/// <summary>
/// The Meta Ads source against the insights emulator: two ad accounts (Los Angeles and New York time) with 12 ads
/// each and ten days of stats ending on the kit clock's yesterday in both zones, so every read reaches the last
/// day. Pages of 2 (an account has 3 campaigns, and a crash halfway must fall after a checkpoint); ten days is past
/// the async threshold (7), so insights come through async report runs.
/// </summary>
public sealed class MetaAdsSourceFixture : SourceAcceptanceFixture
{
    /// <summary>The last complete day in both accounts' zones when the kit's clock starts (2025-01-01T00:00Z).</summary>
    private static readonly DateOnly LastDay = DateOnly.FromDateTime(InstantTimeProvider.DefaultStart.UtcDateTime).AddDays(-2);
    private static readonly DateOnly FirstDay = LastDay.AddDays(-9);

    private EmulatorHost? _host;

    public MetaAdsSourceFixture()
    {
        Skip(SourceCheck.TokenExpiry, "Meta Ads has no OAuth refresh: the connector reads with a long-lived system-user token, and an expired one (code 190) is a configuration error for the admin to fix.");
    }

    public MetaInsightsEmulator Graph { get; } = new(
        new InsightsSeedOptions { FirstDay = FirstDay, Days = 10 },
        new FakeTimeProvider(InstantTimeProvider.DefaultStart));

    public override ISourceConnector Connector { get; } = new MetaAdsSource();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Lookback 0: an incremental read from the last state re-reads no day (the kit's incremental check).</summary>
    public override JsonObject GoodConfig => Config(MetaInsightsEmulator.DefaultAccessToken);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an access token Meta does not know", Config("EAAB-unknown-token"), "access_token"),
        new("an ad account the token cannot see", WithAccounts(Config(MetaInsightsEmulator.DefaultAccessToken), "act_999"), "ad_account_ids"),
        new("an ad account id that is not a number", WithAccounts(Config(MetaInsightsEmulator.DefaultAccessToken), "act_shop"), "ad_account_ids"),
    ];

    public override string? ResilienceStream => "insights_daily";

    /// <summary>The accounts as the seed made them, and the first ad's first day of delivery.</summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords
    {
        get
        {
            lock (Graph.Gate)
            {
                var accounts = Graph.Data.Accounts.Values.Select(a => new JsonObject
                {
                    ["id"] = $"act_{a.Id}",
                    ["currency"] = a.Currency,
                    ["timezone_name"] = a.TimezoneName,
                }).ToArray();
                var stats = Graph.Data.Stats.First(s => s.Impressions > 0);
                var ad = Graph.Data.Ads.Single(a => a.Id == stats.AdId);
                var row = new JsonObject
                {
                    ["account_id"] = ad.AccountId,
                    ["ad_id"] = ad.Id,
                    ["adset_id"] = ad.AdSetId,
                    ["campaign_id"] = ad.CampaignId,
                    ["date_start"] = stats.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["impressions"] = stats.Impressions.ToString(CultureInfo.InvariantCulture),
                    ["account_currency"] = "USD",
                };
                return new Dictionary<string, IReadOnlyList<JsonObject>> { ["ad_accounts"] = accounts, ["insights_daily"] = [row] };
            }
        }
    }

    /// <summary>Every account read through 2100: an incremental read has no day left.</summary>
    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject
    {
        ["version"] = 1,
        ["level"] = "ad",
        ["accounts"] = new JsonObject
        {
            [MetaAdsSandbox.FirstAccount] = new JsonObject { ["through"] = "2100-01-01" },
            [MetaAdsSandbox.SecondAccount] = new JsonObject { ["through"] = "2100-01-01" },
        },
    };

    /// <summary>Meta throttles with HTTP 400 and says when access returns in whole minutes, in its usage header.</summary>
    public override Fault RateLimitFault(TimeSpan retryAfter) =>
        InsightsFaults.Throttled((int)Math.Ceiling(retryAfter.TotalMinutes), MetaAdsSandbox.FirstAccount);

    public override void SetPagingFault(PagingFault? fault) => Graph.Paging = fault.ToMisbehaviour();

    /// <summary>
    /// Daily insights of one account with 650 ads over 100 days (about 50,000 rows), read synchronously day by day,
    /// 500 rows a page.
    /// </summary>
    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var first = LastDay.AddDays(-99);
        var graph = new MetaInsightsEmulator(
            new InsightsSeedOptions { AccountIds = [MetaAdsSandbox.FirstAccount], CampaignsPerAccount = 5, AdSetsPerCampaign = 5, AdsPerAdSet = 26, FirstDay = first, Days = 100 },
            new FakeTimeProvider(InstantTimeProvider.DefaultStart));
        int rows;
        lock (graph.Gate)
        {
            rows = graph.Data.Stats.Count(s => s.Impressions > 0);
        }

        var host = await EmulatorHost.StartAsync(graph, cancellationToken: cancellationToken);
        var config = new JsonObject
        {
            ["access_token"] = MetaInsightsEmulator.DefaultAccessToken,
            ["base_url"] = host.BaseAddress.ToString(),
            ["start_date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["async_threshold_days"] = 1000,
            ["page_size"] = 500,
        };
        return new LargeStreamSource("insights_daily", config, rows, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Graph);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string token) => new()
    {
        ["access_token"] = token,
        ["api_version"] = "v21.0",
        ["base_url"] = Emulator.BaseAddress.ToString(),
        ["start_date"] = FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["lookback_days"] = 0,
        ["insights_level"] = "ad",
        ["page_size"] = 2,
    };

    private static JsonObject WithAccounts(JsonObject config, params string[] accounts)
    {
        config["ad_account_ids"] = new JsonArray(accounts.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        return config;
    }
}
