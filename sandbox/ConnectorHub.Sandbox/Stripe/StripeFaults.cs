using System.Globalization;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>Faults shaped like Stripe's own answers.</summary>
public static class StripeFaults
{
    /// <summary>A 429 as Stripe sends it; <paramref name="retryAfter"/> adds a Retry-After header (Stripe sends <c>Stripe-Should-Retry</c>).</summary>
    public static Fault RateLimited(TimeSpan? retryAfter = null) => new()
    {
        StatusCode = 429,
        Body = StripeErrors.RateLimitBody,
        PathPrefix = "/v1/",
        Headers = retryAfter is { } wait
            ? new Dictionary<string, string> { ["Retry-After"] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture), ["Stripe-Should-Retry"] = "true" }
            : new Dictionary<string, string> { ["Stripe-Should-Retry"] = "true" },
    };

    /// <summary>A 500 as Stripe sends it.</summary>
    public static Fault ServerError() => new()
    {
        StatusCode = 500,
        Body = """{"error":{"message":"An unknown error occurred","type":"api_error"}}""",
        PathPrefix = "/v1/",
    };
}
