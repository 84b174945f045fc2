using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>Faults shaped like Mailchimp's real failures, for <see cref="FaultPlan.Add"/>.</summary>
public static class MailchimpFaults
{
    /// <summary>429 for going over 10 simultaneous connections (no Retry-After: Mailchimp sends none).</summary>
    public static Fault TooManyConnections(string? pathPrefix = null, string? method = null) =>
        Problem(429, "TooManyRequests", "You have exceeded the limit of 10 simultaneous connections.", pathPrefix, method);

    /// <summary>401 for a key that was revoked.</summary>
    public static Fault ApiKeyInvalid(string? pathPrefix = null) =>
        Problem(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.", pathPrefix, null);

    /// <summary>500 "Internal Server Error".</summary>
    public static Fault InternalError(string? pathPrefix = null, string? method = null) =>
        Problem(500, "Internal Server Error", "An unexpected internal error has occurred. Please contact Support for more information.", pathPrefix, method);

    private static Fault Problem(int status, string title, string detail, string? pathPrefix, string? method) => new()
    {
        StatusCode = status,
        ContentType = "application/problem+json; charset=utf-8",
        Body = MailchimpProblem.Json(status, title, detail),
        PathPrefix = pathPrefix,
        Method = method,
    };
}
