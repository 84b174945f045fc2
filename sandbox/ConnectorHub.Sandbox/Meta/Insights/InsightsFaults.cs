using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.Insights;

/// <summary>
/// Faults of the Ads Insights API, for <see cref="FaultPlan.Add"/>: throttling is HTTP 400 with code 80000 (the
/// <c>ads_insights</c> use case), 17 or 613, carrying <c>X-Business-Use-Case-Usage</c> (minutes until access
/// returns) and <c>X-FB-Ads-Insights-Throttle</c>. Token and server faults come from <see cref="MetaFaults"/>.
/// </summary>
public static class InsightsFaults
{
    /// <summary>The header with the app's and the ad account's insights utilisation (percent).</summary>
    public const string InsightsThrottleHeader = "X-FB-Ads-Insights-Throttle";

    /// <summary>A throttle with <paramref name="code"/> (80000, 17 or 613) and the time to regain access in minutes.</summary>
    public static Fault Throttled(int minutesToRegainAccess, string accountId, int code = 80000, string? pathPrefix = null)
    {
        var (message, subcode) = code switch
        {
            17 => ("(#17) User request limit reached", 2446079),
            613 => ("(#613) Calls to this api have exceeded the rate limit.", 1487742),
            _ => ($"(#{code}) There have been too many calls from this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.", 2446079),
        };
        return new Fault
        {
            StatusCode = StatusCodes.Status400BadRequest,
            Body = new GraphError(code, message, Subcode: subcode, IsTransient: true).ToJson(),
            PathPrefix = pathPrefix,
            Headers = new Dictionary<string, string>
            {
                [MetaFaults.BusinessUseCaseHeader] = MetaFaults.BusinessUseCaseUsage(accountId, 100, minutesToRegainAccess, "ads_insights"),
                [InsightsThrottleHeader] = ThrottleValue(100, 100),
            },
        };
    }

    /// <summary>The <c>X-FB-Ads-Insights-Throttle</c> value.</summary>
    public static string ThrottleValue(double appPercent, double accountPercent) => new JsonObject
    {
        ["app_id_util_pct"] = appPercent,
        ["acc_id_util_pct"] = accountPercent,
        ["ads_api_access_tier"] = "standard_access",
    }.ToJsonString();

    /// <summary>"Please reduce the amount of data you're asking for" (code 1, subcode 1487534): use an async report.</summary>
    public static GraphError TooMuchData() => new(
        1,
        "Please reduce the amount of data you're asking for, then retry your request",
        Subcode: 1487534,
        IsTransient: false);
}
