using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Meta.Graph;

/// <summary>
/// Faults shaped like the Graph API's real failures, for <see cref="FaultPlan.Add"/>. Meta throttles with HTTP
/// 400 (not 429), no Retry-After, and says when access comes back in <c>X-Business-Use-Case-Usage</c>.
/// </summary>
public static class MetaFaults
{
    /// <summary>The header carrying Business Use Case usage and <c>estimated_time_to_regain_access</c> (minutes).</summary>
    public const string BusinessUseCaseHeader = "X-Business-Use-Case-Usage";

    /// <summary>
    /// A BUC throttle (code 80003 by default, the custom-audience range 80000-80014) with the time to regain
    /// access in minutes, for requests whose path starts with <paramref name="pathPrefix"/>.
    /// </summary>
    public static Fault Throttled(int minutesToRegainAccess, string accountId = "1234567890", int code = 80003, string? pathPrefix = null) =>
        Build(new GraphError(code, $"(#{code}) There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.", Subcode: 2446079, IsTransient: true), minutesToRegainAccess, accountId, pathPrefix);

    /// <summary>"User request limit reached" (code 17, subcode 2446079).</summary>
    public static Fault UserRequestLimit(int minutesToRegainAccess, string accountId = "1234567890", string? pathPrefix = null) =>
        Build(new GraphError(17, "(#17) User request limit reached", Subcode: 2446079, IsTransient: true), minutesToRegainAccess, accountId, pathPrefix);

    /// <summary>"Calls to this api have exceeded the rate limit" (code 613, subcode 1487742).</summary>
    public static Fault AccountRequestLimit(int minutesToRegainAccess, string accountId = "1234567890", string? pathPrefix = null) =>
        Build(new GraphError(613, "(#613) Calls to this api have exceeded the rate limit.", Subcode: 1487742, IsTransient: true), minutesToRegainAccess, accountId, pathPrefix);

    /// <summary>An expired or revoked token (code 190).</summary>
    public static Fault InvalidToken(string? pathPrefix = null) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Body = GraphError.InvalidToken().ToJson(),
        PathPrefix = pathPrefix,
    };

    /// <summary>A passing server failure (code 2, <c>is_transient: true</c>, HTTP 500).</summary>
    public static Fault ServiceUnavailable(string? pathPrefix = null) => new()
    {
        StatusCode = StatusCodes.Status500InternalServerError,
        Body = new GraphError(2, "An unexpected error has occurred. Please retry your request later.", IsTransient: true).ToJson(),
        PathPrefix = pathPrefix,
    };

    /// <summary>The <c>X-Business-Use-Case-Usage</c> value for one ad account and use case (<paramref name="type"/>).</summary>
    public static string BusinessUseCaseUsage(string accountId, int callCountPercent, int minutesToRegainAccess, string type = "custom_audience") =>
        new JsonObject
        {
            [accountId] = new JsonArray(new JsonObject
            {
                ["type"] = type,
                ["call_count"] = callCountPercent,
                ["total_cputime"] = Math.Min(callCountPercent, 100),
                ["total_time"] = Math.Min(callCountPercent, 100),
                ["estimated_time_to_regain_access"] = minutesToRegainAccess,
                ["ads_api_access_tier"] = "standard_access",
            }),
        }.ToJsonString();

    private static Fault Build(GraphError error, int minutes, string accountId, string? pathPrefix) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Body = error.ToJson(),
        PathPrefix = pathPrefix,
        Headers = new Dictionary<string, string> { [BusinessUseCaseHeader] = BusinessUseCaseUsage(accountId, 100, minutes) },
    };
}
