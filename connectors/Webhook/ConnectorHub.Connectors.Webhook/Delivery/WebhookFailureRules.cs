using System.Net;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// How a receiver's error answers are handled: 401/403 stop the run (credentials), 404/405/410 stop it (the URL
/// is wrong), 408/5xx are retried with backoff, 429 and a 503 with Retry-After wait as long as asked, and any other
/// 4xx rejects the batch's records with the receiver's reason (category <see cref="ErrorCategory.Record"/>).
/// </summary>
internal static class WebhookFailureRules
{
    /// <summary>A classifier for <see cref="ConnectorHttpOptions.Classify"/> that reads Retry-After dates with <paramref name="time"/>.</summary>
    public static Func<HttpResponseMessage, string, HttpFailure?> Classifier(TimeProvider time) =>
        (response, body) => Classify(response, body, time);

    /// <summary>Whether a failure of one batch rejects its records rather than stopping the run.</summary>
    public static bool RejectsRecords(ConnectorException exception) =>
        exception is ConnectorInternalException { FailedRequest.StatusCode: >= 400 and < 500 };

    private static HttpFailure Classify(HttpResponseMessage response, string body, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        var url = response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path);
        var answer = $"The webhook at {url} answered {status} {response.ReasonPhrase}";
        var reason = ResponseReason.From(body);
        var detail = reason is null ? string.Empty : $": {reason}";
        return status switch
        {
            401 or 403 => new(ErrorCategory.Configuration,
                $"{answer}{detail}. It refused the request's credentials: check 'signing_secret' and the authentication headers in 'headers' or 'secret_headers' against what the receiver expects."),
            404 or 405 or 410 => new(ErrorCategory.Configuration,
                $"{answer}{detail}. Nothing accepts POST requests at that address: check the 'url' setting."),
            429 => new(ErrorCategory.RateLimited, $"{answer}: rate limited.", RetryAfterHeader.Read(response, time)),
            503 when RetryAfterHeader.Read(response, time) is { } wait => new(ErrorCategory.RateLimited, $"{answer}{detail}.", wait),
            408 or >= 500 => new(ErrorCategory.Transient, $"{answer}{detail}."),
            _ => new(ErrorCategory.Record, $"{answer}{(reason is null ? " without a reason" : detail)}."),
        };
    }

    /// <summary>Whether the receiver refused the batch as too large (it can be split and sent again).</summary>
    public static bool IsTooLarge(ConnectorException exception) =>
        exception.FailedRequest?.StatusCode == (int)HttpStatusCode.RequestEntityTooLarge;
}
