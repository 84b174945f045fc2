using System.Globalization;
using ConnectorHub.Sandbox.HubSpot.Api;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;
using ConnectorHub.Sandbox.HubSpot.RateLimits;

namespace ConnectorHub.Sandbox.HubSpot.Auth;

/// <summary>
/// What every CRM call goes through first: the bearer token (401 unknown or expired, 403 missing scope), then the
/// rate-limit count and its <c>X-HubSpot-RateLimit-*</c> headers (429 when enforced and over).
/// </summary>
internal sealed class RequestGate(HubSpotTokens tokens, HubSpotEmulatorOptions options)
{
    private readonly RollingWindowCounter _counter = new(options.Time, options.TenSecondlyLimit, options.DailyLimit);

    /// <summary>True when the call may go on; otherwise the refusal has been written.</summary>
    public async Task<bool> AdmitAsync(HttpContext context, CrmObjectType type)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        var grant = token.Length == 0 ? null : tokens.Find(token);
        if (grant is null)
        {
            await HubSpotResponses.WriteAsync(context, 401, HubSpotErrorBodies.InvalidAuthentication());
            return false;
        }

        var now = options.Time.GetUtcNow();
        if (grant.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            await HubSpotResponses.WriteAsync(context, 401, HubSpotErrorBodies.ExpiredAuthentication((int)(now - expiresAt).TotalDays));
            return false;
        }

        if (!grant.Scopes.Contains(type.ReadScope))
        {
            await HubSpotResponses.WriteAsync(context, 403, HubSpotErrorBodies.MissingScopes(type.ReadScope));
            return false;
        }

        var (windowRemaining, dailyRemaining) = _counter.Take();
        var headers = context.Response.Headers;
        headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
        headers["X-HubSpot-RateLimit-Max"] = options.TenSecondlyLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Remaining"] = Math.Max(0, windowRemaining).ToString(CultureInfo.InvariantCulture);
        if (!grant.IsOAuth)
        {
            // HubSpot leaves the daily headers out of OAuth-authenticated answers.
            headers["X-HubSpot-RateLimit-Daily"] = options.DailyLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, dailyRemaining).ToString(CultureInfo.InvariantCulture);
        }

        if (options.EnforceRateLimit && (windowRemaining < 0 || dailyRemaining < 0))
        {
            await HubSpotResponses.WriteAsync(context, 429, HubSpotErrorBodies.RateLimit(dailyRemaining < 0 ? "DAILY" : "TEN_SECONDLY_ROLLING"));
            return false;
        }

        return true;
    }
}
