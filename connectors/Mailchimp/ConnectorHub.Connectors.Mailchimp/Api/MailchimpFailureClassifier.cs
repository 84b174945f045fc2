using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Mailchimp.Api;

/// <summary>
/// Classifies Mailchimp failures from their problem body: 401/403 and a disabled account are configuration
/// errors, 429 (more than 10 simultaneous connections) is a rate limit; others follow the default rules.
/// </summary>
internal static class MailchimpFailureClassifier
{
    public static HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = ProblemDetail.TryParse(body);
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        var what = problem?.ToString() ?? $"HTTP {(int)response.StatusCode}";
        return (int)response.StatusCode switch
        {
            401 => new(ErrorCategory.Configuration,
                $"Mailchimp refused the API key on {request} ({what}). Check 'api_key': copy the whole key, with its data-center suffix such as -us14, from Profile > Extras > API keys."),
            403 => new(ErrorCategory.Configuration,
                $"Mailchimp forbade {request} ({what}). The key's user lacks access to this audience, or the account is disabled."),
            429 => new(ErrorCategory.RateLimited, $"Mailchimp throttled {request} ({what}).", RetryAfterHeader.Read(response)),
            503 when problem?.Title == "ComplianceRelated" => new(ErrorCategory.Configuration,
                $"Mailchimp disabled this method for the account on {request} ({what}). Resolve the compliance review in Mailchimp."),
            _ => null,
        };
    }
}
