using System.Globalization;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Connectors.Acme.Tests.Emulator;

/// <summary>Faults shaped like Acme's real errors, to add to <see cref="EmulatorHost.Faults"/>.</summary>
public static class AcmeFaults
{
    /// <summary>A 429 with Acme's body and a <c>Retry-After</c> of <paramref name="retryAfter"/> (whole seconds, rounded up).</summary>
    public static Fault RateLimited(TimeSpan retryAfter) => new()
    {
        StatusCode = 429,
        Body = """{"error":"rate_limited","message":"Too many requests; retry after the time in Retry-After."}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        PathPrefix = "/v1/",
    };

    /// <summary>A 503, as when Acme is briefly down: the client retries it with backoff.</summary>
    public static Fault Unavailable() => new()
    {
        StatusCode = 503,
        Body = """{"error":"unavailable","message":"Acme is down for maintenance."}""",
        PathPrefix = "/v1/",
    };
}
