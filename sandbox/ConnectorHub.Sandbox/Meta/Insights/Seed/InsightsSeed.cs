using System.Globalization;
using Bogus;
using ConnectorHub.Sandbox.Meta.Insights.Model;

namespace ConnectorHub.Sandbox.Meta.Insights.Seed;

/// <summary>
/// Generates ad accounts with campaigns, ad sets, ads and daily stats. Ads start and stop on different days, so
/// row counts vary by day; weekends deliver more. Deterministic for given options.
/// </summary>
public sealed class InsightsSeed
{
    private static readonly string[] Objectives = ["OUTCOME_SALES", "OUTCOME_TRAFFIC", "OUTCOME_AWARENESS"];
    private static readonly string[] Themes = ["Spring Blend", "Cold Brew Launch", "Loyalty Push", "Beans Subscription", "Holiday Gift"];
    private static readonly string[] Audiences = ["Lookalike 1%", "Past Buyers", "Broad 25-54", "City Commuters"];
    private static readonly string[] Formats = ["Carousel", "Single Image", "Reel 15s", "Collection"];

    private readonly Randomizer _random;
    private long _nextId = 23850000000000000;

    private InsightsSeed(int seed) => _random = new Randomizer(seed);

    /// <summary>Generates the data for <paramref name="options"/>.</summary>
    public static InsightsData Generate(InsightsSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seed = new InsightsSeed(options.Seed);
        var data = new InsightsData();
        foreach (var (accountId, index) in options.AccountIds.Select((id, i) => (id, i)))
        {
            data.Accounts[accountId] = new AdAccountNode(accountId, $"Sandbox Coffee {(index == 0 ? "US" : $"Region {index + 1}")}", "USD", index % 2 == 0 ? "America/Los_Angeles" : "America/New_York");
            seed.Tree(data, accountId, options);
        }

        foreach (var ad in data.Ads)
        {
            seed.Stats(data, ad, options);
        }

        return data;
    }

    /// <summary>Stats for ad <paramref name="adId"/> on <paramref name="day"/> (also used to extend the history by a day).</summary>
    internal static AdDayStats DayOf(Randomizer random, string adId, DateOnly day, double scale)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 1.0;
        var impressions = (long)(random.Number(800, 20_000) * weekend * scale);
        var clicks = impressions * random.Number(8, 30) / 1000;
        var linkClicks = clicks * random.Number(60, 90) / 100;
        var purchases = linkClicks * random.Number(0, 6) / 100;
        return new AdDayStats
        {
            AdId = adId,
            Date = day,
            Impressions = impressions,
            Reach = impressions * random.Number(55, 90) / 100,
            Clicks = clicks,
            LinkClicks = linkClicks,
            Spend = Math.Round(impressions * random.Decimal(4m, 14m) / 1000m, 2),
            AddsToCart = linkClicks * random.Number(2, 10) / 100,
            Purchases = purchases,
            PurchaseValue = Math.Round(purchases * random.Decimal(25m, 90m), 2),
        };
    }

    private void Tree(InsightsData data, string accountId, InsightsSeedOptions options)
    {
        var created = new DateTimeOffset(options.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(-14);
        for (var c = 0; c < options.CampaignsPerAccount; c++)
        {
            var campaign = new CampaignNode
            {
                Id = NextId(),
                AccountId = accountId,
                Name = $"{_random.ArrayElement(Themes)} {c + 1}",
                Objective = Objectives[c % Objectives.Length],
                DailyBudget = _random.Number(50, 300) * 100,
                CreatedTime = created.AddHours(c),
                UpdatedTime = created.AddHours(c).AddDays(_random.Number(0, 10)),
            };
            data.Campaigns.Add(campaign);
            for (var s = 0; s < options.AdSetsPerCampaign; s++)
            {
                var adSet = new AdSetNode
                {
                    Id = NextId(),
                    AccountId = accountId,
                    CampaignId = campaign.Id,
                    Name = $"{campaign.Name} - {_random.ArrayElement(Audiences)}",
                    DailyBudget = campaign.DailyBudget / options.AdSetsPerCampaign,
                    CreatedTime = campaign.CreatedTime.AddMinutes(s + 1),
                    UpdatedTime = campaign.UpdatedTime.AddMinutes(s + 1),
                };
                data.AdSets.Add(adSet);
                for (var a = 0; a < options.AdsPerAdSet; a++)
                {
                    data.Ads.Add(new AdNode
                    {
                        Id = NextId(),
                        AccountId = accountId,
                        CampaignId = campaign.Id,
                        AdSetId = adSet.Id,
                        Name = $"{_random.ArrayElement(Formats)} {(char)('A' + a)}",
                        CreativeId = NextId(),
                        CreatedTime = adSet.CreatedTime.AddMinutes(a + 1),
                        UpdatedTime = adSet.UpdatedTime.AddMinutes(a + 1),
                    });
                }
            }
        }
    }

    private void Stats(InsightsData data, AdNode ad, InsightsSeedOptions options)
    {
        // Each ad runs for a stretch of the period: some start late, some stop early.
        var start = _random.Number(0, options.Days / 4);
        var stop = _random.Bool(0.3f) ? _random.Number(options.Days / 2, options.Days - 1) : options.Days - 1;
        var scale = _random.Double(0.5, 1.5);
        for (var d = start; d <= stop; d++)
        {
            data.Stats.Add(DayOf(_random, ad.Id, options.FirstDay.AddDays(d), scale));
        }
    }

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);
}
