using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.RateLimits;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>The manifest's <c>errors</c> (error rules) and <c>rate_limit</c> (the connection's rate budget).</summary>
internal static class ManifestErrors
{
    public static IReadOnlyList<ErrorRule> Read(YamlNode? errors) => errors?.Items().Select(Rule).ToArray() ?? [];

    public static RateBudgetOptions? RateBudget(YamlNode? limit)
    {
        if (limit is null)
        {
            return null;
        }

        limit.AllowOnly("permits_per_window", "window", "bucket_size", "tokens_per_period", "refill_period", "quota");
        IQuotaReader? quota = null;
        if (limit.Optional("quota") is { } q)
        {
            q.AllowOnly("remaining_header", "reset_header", "reset_unit", "threshold");
            quota = new RemainingQuotaReader
            {
                RemainingHeader = q.Required("remaining_header").Text(),
                ResetHeader = q.Required("reset_header").Text(),
                ResetUnit = q.Optional("reset_unit")?.Choice(("seconds", QuotaResetUnit.Seconds), ("milliseconds", QuotaResetUnit.Milliseconds), ("epoch_seconds", QuotaResetUnit.EpochSeconds)) ?? QuotaResetUnit.Seconds,
                Threshold = q.Optional("threshold")?.Int() ?? 0,
            };
        }

        return new RateBudgetOptions
        {
            PermitsPerWindow = limit.Optional("permits_per_window")?.Int(),
            Window = limit.Optional("window")?.Duration() ?? TimeSpan.FromSeconds(1),
            BucketSize = limit.Optional("bucket_size")?.Int(),
            TokensPerPeriod = limit.Optional("tokens_per_period")?.Int() ?? 1,
            RefillPeriod = limit.Optional("refill_period")?.Duration() ?? TimeSpan.FromSeconds(1),
            Quota = quota,
        };
    }

    private static ErrorRule Rule(YamlNode rule)
    {
        rule.AllowOnly("status", "body_contains", "action", "message", "retry_after");
        var message = rule.Optional("message") is { } m ? ManifestTemplate.Parse(m, "response") : null;
        var retryAfter = rule.Optional("retry_after")?.Duration();
        return new ErrorRule
        {
            StatusCodes = rule.Optional("status")?.Items().Select(s => s.Int()).ToArray() ?? [],
            BodyContains = rule.OptionalText("body_contains"),
            Action = rule.Required("action").Choice(
                ("configuration", ErrorAction.Configuration),
                ("transient", ErrorAction.Transient),
                ("rate_limited", ErrorAction.RateLimited),
                ("record", ErrorAction.Record),
                ("ignore", ErrorAction.Ignore),
                ("fail", ErrorAction.Fail)),
            Message = message is null ? null : e => message.Render(null, e.Json),
            RetryAfter = retryAfter is null ? null : _ => retryAfter,
        };
    }
}
