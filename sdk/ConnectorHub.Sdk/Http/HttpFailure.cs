using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Http;

/// <summary>How a failed HTTP answer is treated.</summary>
/// <param name="Category">The failure's category.</param>
/// <param name="Message">What went wrong, for the admin.</param>
/// <param name="RetryAfter">For rate limits, how long the platform asked us to wait.</param>
public sealed record HttpFailure(ErrorCategory Category, string Message, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// Not a failure of the request: a classifier returns this to hand the response back to its caller as it is
    /// (SDK 2's error handlers use it for responses they ignore or treat as one bad record).
    /// </summary>
    public static HttpFailure HandBack { get; } = new(ErrorCategory.Record, "handed back to the caller");

    /// <summary>The default rules: 401/403 configuration, 429 rate limited, 408/5xx transient, other 4xx internal.</summary>
    public static HttpFailure Default(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} answered {status} {response.ReasonPhrase}";
        var detail = string.IsNullOrWhiteSpace(body) ? string.Empty : $": {Truncate(body, 300)}";
        return status switch
        {
            401 => new(ErrorCategory.Configuration, $"{what}{detail}. The credentials were refused: check the token or key in the connection's settings."),
            403 => new(ErrorCategory.Configuration, $"{what}{detail}. The credentials lack a permission this connector needs: grant it, or use an account that has it."),
            429 => new(ErrorCategory.RateLimited, $"{what}: rate limited.", RetryAfterHeader.Read(response)),
            408 or >= 500 => new(ErrorCategory.Transient, $"{what}{detail}."),
            _ => new(ErrorCategory.Internal, $"{what}{detail}."),
        };
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
