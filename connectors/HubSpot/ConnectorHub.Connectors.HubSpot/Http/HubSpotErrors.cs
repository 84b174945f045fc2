using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Errors;

namespace ConnectorHub.Connectors.HubSpot.Http;

/// <summary>
/// HubSpot's failures as error rules, read from its error bodies: 429 by <c>policyName</c> (a ten-second window is
/// waited out, the daily allowance stops the run with a clear message), 401/403 naming the token or scope to fix.
/// </summary>
internal static class HubSpotErrors
{
    /// <summary>HubSpot sends no Retry-After; its ten-second rolling window is the wait that surely clears.</summary>
    public static readonly TimeSpan TenSecondlyWait = TimeSpan.FromSeconds(10);

    public static IEnumerable<ErrorRule> Rules { get; } =
    [
        new()
        {
            StatusCodes = [429],
            When = e => Policy(e) == "DAILY",
            Action = ErrorAction.Configuration,
            Message = e => $"HubSpot's daily API limit for this account is spent ({Message(e)}). It resets at midnight in the account's time zone, and the next run resumes from the last checkpoint. Sync less often, or raise the limit with HubSpot's API limit increase.",
        },
        new()
        {
            StatusCodes = [429],
            Action = ErrorAction.RateLimited,
            Message = e => $"HubSpot rate limit {Policy(e)}: {Message(e)}",
            RetryAfter = e => Policy(e) == "SECONDLY" ? TimeSpan.FromSeconds(1) : TenSecondlyWait,
        },
        new()
        {
            StatusCodes = [401],
            Action = ErrorAction.Configuration,
            Message = e => $"HubSpot refused the access token on {e.Request} ({Category(e) ?? "401"}: {Message(e)}). For a private app, check the token in the connection's settings; for OAuth, reconnect the account.",
        },
        new()
        {
            StatusCodes = [403],
            When = e => Category(e) == "MISSING_SCOPES",
            Action = ErrorAction.Configuration,
            Message = e => $"HubSpot says the token lacks the scope(s) {Scopes(e.Json)} needed for {e.Request}. Grant them to the private app (Settings > Integrations > Private apps > Scopes) or re-authorize the OAuth app with them.",
        },
        new()
        {
            StatusCodes = [403],
            Action = ErrorAction.Configuration,
            Message = e => $"HubSpot refused {e.Request} ({Category(e) ?? "403"}: {Message(e)}). Check that the token belongs to the right account and has the CRM read scopes.",
        },
        new()
        {
            StatusCodes = [400],
            Action = ErrorAction.Fail,
            Message = e => $"HubSpot refused {e.Request} as invalid ({Category(e) ?? "400"}: {Message(e)}).",
        },
    ];

    private static string? Policy(ErrorArguments e) => e.Json?["policyName"]?.ToString() ?? "unknown";

    private static string? Category(ErrorArguments e) => e.Json?["category"]?.ToString();

    private static string Message(ErrorArguments e) => e.Json?["message"]?.ToString() ?? e.Body;

    private static string Scopes(JsonNode? json)
    {
        var scopes = (json?["errors"] as JsonArray ?? [])
            .SelectMany(e => e?["context"]?["requiredGranularScopes"] as JsonArray ?? [])
            .Select(s => s?.ToString())
            .OfType<string>()
            .ToArray();
        return scopes.Length == 0 ? "(not named)" : string.Join(", ", scopes);
    }
}
