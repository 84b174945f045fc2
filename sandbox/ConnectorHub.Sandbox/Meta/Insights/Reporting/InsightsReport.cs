using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Insights.Model;

namespace ConnectorHub.Sandbox.Meta.Insights.Reporting;

/// <summary>
/// Computes insights rows: ad-day stats summed per level entity and per time increment, metrics as strings,
/// derived ratios (cpm, cpc, ctr, frequency), <c>actions</c>/<c>action_values</c> arrays, and no row where nothing
/// was delivered (Graph leaves those out). Rows come ordered by date, then id.
/// </summary>
internal static class InsightsReport
{
    public static List<JsonObject> Rows(InsightsData data, string accountId, InsightsRequest request)
    {
        var account = data.Accounts[accountId];
        var ads = data.Ads.Where(a => a.AccountId == accountId).ToDictionary(a => a.Id);
        var groups = data.Stats
            .Where(s => ads.ContainsKey(s.AdId) && s.Date >= request.Since && s.Date <= request.Until)
            .GroupBy(s => (Key: KeyOf(ads[s.AdId], request.Level), Bucket: Bucket(s.Date, request)))
            .Where(g => g.Sum(s => s.Impressions) > 0)
            .OrderBy(g => g.Key.Bucket.Start).ThenBy(g => g.Key.Key, StringComparer.Ordinal);
        return groups.Select(g => Row(data, account, ads[g.First().AdId], request, g.Key.Bucket, g.ToList())).ToList();
    }

    private static string KeyOf(AdNode ad, string level) => level switch
    {
        "campaign" => ad.CampaignId,
        "adset" => ad.AdSetId,
        "ad" => ad.Id,
        _ => ad.AccountId,
    };

    private static (DateOnly Start, DateOnly Stop) Bucket(DateOnly date, InsightsRequest request)
    {
        if (request.IncrementDays is not { } days)
        {
            return (request.Since, request.Until);
        }

        var start = request.Since.AddDays((date.DayNumber - request.Since.DayNumber) / days * days);
        var stop = start.AddDays(days - 1);
        return (start, stop > request.Until ? request.Until : stop);
    }

    private static JsonObject Row(InsightsData data, AdAccountNode account, AdNode ad, InsightsRequest request, (DateOnly Start, DateOnly Stop) bucket, List<AdDayStats> stats)
    {
        var campaign = data.Campaigns.First(c => c.Id == ad.CampaignId);
        var adSet = data.AdSets.First(s => s.Id == ad.AdSetId);
        var impressions = stats.Sum(s => s.Impressions);
        var reach = stats.Sum(s => s.Reach);
        var clicks = stats.Sum(s => s.Clicks);
        var spend = stats.Sum(s => s.Spend);
        var values = new Dictionary<string, Func<JsonNode?>>(StringComparer.Ordinal)
        {
            ["account_id"] = () => account.Id,
            ["account_name"] = () => account.Name,
            ["account_currency"] = () => account.Currency,
            ["campaign_id"] = () => campaign.Id,
            ["campaign_name"] = () => campaign.Name,
            ["objective"] = () => campaign.Objective,
            ["adset_id"] = () => adSet.Id,
            ["adset_name"] = () => adSet.Name,
            ["ad_id"] = () => ad.Id,
            ["ad_name"] = () => ad.Name,
            ["impressions"] = () => MetricText.Count(impressions),
            ["reach"] = () => MetricText.Count(reach),
            ["frequency"] = () => reach == 0 ? null : MetricText.Ratio((decimal)impressions / reach),
            ["clicks"] = () => MetricText.Count(clicks),
            ["unique_clicks"] = () => MetricText.Count(clicks * 9 / 10),
            ["inline_link_clicks"] = () => MetricText.Count(stats.Sum(s => s.LinkClicks)),
            ["spend"] = () => MetricText.Money(spend),
            ["cpm"] = () => MetricText.Ratio(spend * 1000 / impressions),
            ["cpc"] = () => clicks == 0 ? null : MetricText.Ratio(spend / clicks),
            ["ctr"] = () => MetricText.Ratio((decimal)clicks * 100 / impressions),
            ["actions"] = () => Actions(
                ("link_click", MetricText.Count(stats.Sum(s => s.LinkClicks)), stats.Sum(s => s.LinkClicks) > 0),
                ("add_to_cart", MetricText.Count(stats.Sum(s => s.AddsToCart)), stats.Sum(s => s.AddsToCart) > 0),
                ("offsite_conversion.fb_pixel_purchase", MetricText.Count(stats.Sum(s => s.Purchases)), stats.Sum(s => s.Purchases) > 0),
                ("purchase", MetricText.Count(stats.Sum(s => s.Purchases)), stats.Sum(s => s.Purchases) > 0)),
            ["action_values"] = () => Actions(
                ("offsite_conversion.fb_pixel_purchase", MetricText.Money(stats.Sum(s => s.PurchaseValue)), stats.Sum(s => s.Purchases) > 0),
                ("purchase", MetricText.Money(stats.Sum(s => s.PurchaseValue)), stats.Sum(s => s.Purchases) > 0)),
        };
        var row = new JsonObject();
        foreach (var field in request.Fields.Where(f => values.ContainsKey(f) && InsightsFields.AllowedAt(f, request.Level)))
        {
            if (values[field]() is { } value)
            {
                row[field] = value;
            }
        }

        row["date_start"] = GraphTime.Date(bucket.Start);
        row["date_stop"] = GraphTime.Date(bucket.Stop);
        return row;
    }

    private static JsonArray? Actions(params (string Type, string Value, bool Present)[] actions)
    {
        var present = actions.Where(a => a.Present).Select(a => (JsonNode)new JsonObject { ["action_type"] = a.Type, ["value"] = a.Value }).ToArray();
        return present.Length == 0 ? null : new JsonArray(present);
    }
}
