using System.Globalization;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot.Errors;

namespace ConnectorHub.Sandbox.HubSpot;

/// <summary>
/// Faults shaped like HubSpot's real errors, to add to <see cref="EmulatorHost.Faults"/>. They match CRM calls
/// (<c>/crm</c>) by default, so OAuth token refreshes are not hit unless asked.
/// </summary>
public static class HubSpotFaults
{
    private const string CrmPaths = "/crm";

    /// <summary>
    /// A 429 of the ten-second rolling policy, with HubSpot's body and <c>X-HubSpot-RateLimit-*</c> headers.
    /// HubSpot sends no Retry-After; pass <paramref name="retryAfter"/> to add one anyway.
    /// </summary>
    public static Fault RateLimited(TimeSpan? retryAfter = null, string pathPrefix = CrmPaths)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000",
            ["X-HubSpot-RateLimit-Max"] = "190",
            ["X-HubSpot-RateLimit-Remaining"] = "0",
        };
        if (retryAfter is { } wait)
        {
            headers["Retry-After"] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return new Fault { StatusCode = 429, Body = HubSpotErrorBodies.RateLimit(), Headers = headers, PathPrefix = pathPrefix };
    }

    /// <summary>A 429 of the daily policy: the account's daily allowance is spent until midnight in its time zone.</summary>
    public static Fault DailyLimitReached(string pathPrefix = CrmPaths) => new()
    {
        StatusCode = 429,
        Body = HubSpotErrorBodies.RateLimit("DAILY"),
        Headers = new Dictionary<string, string>
        {
            ["X-HubSpot-RateLimit-Daily"] = "250000",
            ["X-HubSpot-RateLimit-Daily-Remaining"] = "0",
        },
        PathPrefix = pathPrefix,
    };

    /// <summary>A 401 <c>EXPIRED_AUTHENTICATION</c>, as for an OAuth access token past its lifetime.</summary>
    public static Fault ExpiredToken(string pathPrefix = CrmPaths) =>
        new() { StatusCode = 401, Body = HubSpotErrorBodies.ExpiredAuthentication(), PathPrefix = pathPrefix };

    /// <summary>A 403 <c>MISSING_SCOPES</c> naming <paramref name="scope"/>.</summary>
    public static Fault MissingScopes(string scope, string pathPrefix = CrmPaths) =>
        new() { StatusCode = 403, Body = HubSpotErrorBodies.MissingScopes(scope), PathPrefix = pathPrefix };

    /// <summary>A 5xx with HubSpot's generic error body.</summary>
    public static Fault ServerError(int statusCode = 502, string pathPrefix = CrmPaths) =>
        new() { StatusCode = statusCode, Body = HubSpotErrorBodies.Standard("internal error", "INTERNAL_ERROR"), PathPrefix = pathPrefix };
}
