namespace ConnectorHub.Sandbox.Meta.Insights.Reporting;

/// <summary>The insights fields the sandbox computes, and the levels Graph reports at.</summary>
internal static class InsightsFields
{
    public static readonly IReadOnlyList<string> Levels = ["account", "campaign", "adset", "ad"];

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "account_id", "account_name", "account_currency", "campaign_id", "campaign_name", "adset_id", "adset_name",
        "ad_id", "ad_name", "objective", "impressions", "reach", "frequency", "clicks", "unique_clicks",
        "inline_link_clicks", "spend", "cpm", "cpc", "ctr", "actions", "action_values", "date_start", "date_stop",
    };

    /// <summary>Graph's default when no <c>fields</c> are asked for.</summary>
    public static readonly IReadOnlyList<string> Default = ["impressions", "spend"];

    /// <summary>The id fields a level may carry: a row never has ids below its level.</summary>
    public static bool AllowedAt(string field, string level) => field switch
    {
        "campaign_id" or "campaign_name" or "objective" => level is "campaign" or "adset" or "ad",
        "adset_id" or "adset_name" => level is "adset" or "ad",
        "ad_id" or "ad_name" => level == "ad",
        _ => true,
    };
}
