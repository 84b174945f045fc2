using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.HubSpot.Http;

/// <summary>
/// Classifies HubSpot's failures from its error bodies: 429 by <c>policyName</c> (a ten-second window is waited
/// out, the daily allowance stops the run with a clear message), 401/403 with the token or scope to fix.
/// </summary>
internal static class HubSpotErrors
{
    /// <summary>HubSpot sends no Retry-After; its ten-second rolling window is the wait that surely clears.</summary>
    public static readonly TimeSpan TenSecondlyWait = TimeSpan.FromSeconds(10);

    public static HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        var json = Parse(body);
        var message = json?["message"]?.ToString() ?? body;
        var category = json?["category"]?.ToString();
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        return (int)response.StatusCode switch
        {
            429 => RateLimited(response, json, message),
            401 => new(ErrorCategory.Configuration, $"HubSpot refused the access token on {where} ({category ?? "401"}: {message}). For a private app, check the token in the connection's settings; for OAuth, reconnect the account."),
            403 when category == "MISSING_SCOPES" => new(ErrorCategory.Configuration, $"HubSpot says the token lacks the scope(s) {Scopes(json)} needed for {where}. Grant them to the private app (Settings > Integrations > Private apps > Scopes) or re-authorize the OAuth app with them."),
            403 => new(ErrorCategory.Configuration, $"HubSpot refused {where} ({category ?? "403"}: {message}). Check that the token belongs to the right account and has the CRM read scopes."),
            400 => new(ErrorCategory.Internal, $"HubSpot refused {where} as invalid ({category ?? "400"}: {message})."),
            _ => null,
        };
    }

    private static HttpFailure RateLimited(HttpResponseMessage response, JsonObject? json, string message)
    {
        var policy = json?["policyName"]?.ToString() ?? "unknown";
        if (policy == "DAILY")
        {
            return new(ErrorCategory.Configuration, $"HubSpot's daily API limit for this account is spent ({message}). It resets at midnight in the account's time zone, and the next run resumes from the last checkpoint. Sync less often, or raise the limit with HubSpot's API limit increase.");
        }

        var wait = RetryAfterHeader.Read(response) ?? (policy == "SECONDLY" ? TimeSpan.FromSeconds(1) : TenSecondlyWait);
        return new(ErrorCategory.RateLimited, $"HubSpot rate limit {policy}: {message}", wait);
    }

    private static string Scopes(JsonObject? json)
    {
        var scopes = (json?["errors"] as JsonArray ?? [])
            .SelectMany(e => e?["context"]?["requiredGranularScopes"] as JsonArray ?? [])
            .Select(s => s?.ToString())
            .OfType<string>()
            .ToArray();
        return scopes.Length == 0 ? "(not named)" : string.Join(", ", scopes);
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
