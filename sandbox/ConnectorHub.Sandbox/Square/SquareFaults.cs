using System.Globalization;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Square;

/// <summary>
/// Faults shaped like Square's real failures, for <see cref="FaultPlan.Add"/>. Square sends no Retry-After and no
/// rate-limit headers: clients back off on their own.
/// </summary>
public static class SquareFaults
{
    /// <summary>
    /// 429 <c>RATE_LIMIT_ERROR</c> / <c>RATE_LIMITED</c>. Square sends no Retry-After; pass <paramref name="retryAfter"/>
    /// to add one anyway (a proxy in front of Square may, and the acceptance kit's storm asks for one).
    /// </summary>
    public static Fault RateLimited(string? pathPrefix = null, string? method = null, TimeSpan? retryAfter = null)
    {
        var fault = Build(429, new SquareError("RATE_LIMIT_ERROR", "RATE_LIMITED", "Rate limit exceeded. Reduce your request rate and retry."), pathPrefix, method);
        return retryAfter is { } wait
            ? fault with { Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) } }
            : fault;
    }

    /// <summary>401 <c>UNAUTHORIZED</c> (a token that was revoked or never valid).</summary>
    public static Fault Unauthorized(string? pathPrefix = null) => Build(
        401, SquareError.Authentication("UNAUTHORIZED", "This request could not be authorized."), pathPrefix, null);

    /// <summary>401 <c>ACCESS_TOKEN_EXPIRED</c> (an OAuth token past its 30 days).</summary>
    public static Fault AccessTokenExpired(string? pathPrefix = null) => Build(
        401, SquareError.Authentication("ACCESS_TOKEN_EXPIRED", "The access token has expired."), pathPrefix, null);

    /// <summary>500 <c>API_ERROR</c> / <c>INTERNAL_SERVER_ERROR</c>.</summary>
    public static Fault InternalServerError(string? pathPrefix = null, string? method = null) => Build(
        500, new SquareError("API_ERROR", "INTERNAL_SERVER_ERROR", "An internal error has occurred, and the API was unable to service your request."), pathPrefix, method);

    /// <summary>503 <c>API_ERROR</c> / <c>SERVICE_UNAVAILABLE</c>.</summary>
    public static Fault ServiceUnavailable(string? pathPrefix = null, string? method = null) => Build(
        503, new SquareError("API_ERROR", "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Try again later."), pathPrefix, method);

    private static Fault Build(int status, SquareError error, string? pathPrefix, string? method) => new()
    {
        StatusCode = status,
        Body = SquareError.Body(error),
        PathPrefix = pathPrefix,
        Method = method,
    };
}
