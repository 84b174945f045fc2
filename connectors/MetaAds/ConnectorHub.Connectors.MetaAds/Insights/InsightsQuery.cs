using System.Globalization;

namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// The insights request for one day at the configured level: the level's ids and names, the metrics, daily rows
/// (<c>time_increment=1</c>) and a one-day <c>time_range</c>.
/// </summary>
internal sealed class InsightsQuery(string level, int pageSize)
{
    private static readonly string[] Metrics =
        ["impressions", "reach", "frequency", "clicks", "inline_link_clicks", "spend", "cpm", "cpc", "ctr", "actions", "action_values"];

    public string Level => level;

    /// <summary>The field that identifies a row's entity at this level (<c>ad_id</c>, ...; <c>account_id</c> at account level).</summary>
    public string IdField => level == "account" ? "account_id" : $"{level}_id";

    public string Fields => string.Join(',', IdFields(level).Concat(Metrics));

    /// <summary>The parameters for <paramref name="day"/>, with <paramref name="after"/> for a later page.</summary>
    public List<KeyValuePair<string, string>> For(DateOnly day, string? after = null)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> parameters =
        [
            new("level", level),
            new("fields", Fields),
            new("time_range", $$"""{"since":"{{date}}","until":"{{date}}"}"""),
            new("time_increment", "1"),
            new("limit", pageSize.ToString(CultureInfo.InvariantCulture)),
        ];
        if (after is not null)
        {
            parameters.Add(new("after", after));
        }

        return parameters;
    }

    /// <summary>The paging parameters of a report run's rows.</summary>
    public List<KeyValuePair<string, string>> Page(string? after)
    {
        List<KeyValuePair<string, string>> parameters = [new("limit", pageSize.ToString(CultureInfo.InvariantCulture))];
        if (after is not null)
        {
            parameters.Add(new("after", after));
        }

        return parameters;
    }

    private static IEnumerable<string> IdFields(string level)
    {
        yield return "account_id";
        yield return "account_name";
        yield return "account_currency";
        if (level is "campaign" or "adset" or "ad")
        {
            yield return "campaign_id";
            yield return "campaign_name";
        }

        if (level is "adset" or "ad")
        {
            yield return "adset_id";
            yield return "adset_name";
        }

        if (level == "ad")
        {
            yield return "ad_id";
            yield return "ad_name";
        }
    }
}
