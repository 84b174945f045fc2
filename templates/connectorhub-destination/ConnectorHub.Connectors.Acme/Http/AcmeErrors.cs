using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Acme.Http;

/// <summary>
/// Classifies Acme's failures in words an admin can act on. Only what needs Acme's own words is here; the rest
/// keeps the SDK's defaults: 429 rate limited (wait Retry-After), 408 and 5xx transient (retry), other 4xx internal.
/// </summary>
internal static class AcmeErrors
{
    public static HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        return (int)response.StatusCode switch
        {
            401 => new(ErrorCategory.Configuration, $"Acme refused the API key on {where}. Create a key under Settings > API keys in Acme and paste it into the connection's '{AcmeSettings.ApiKeySetting}'."),
            403 => new(ErrorCategory.Configuration, $"Acme says the API key may not call {where}. Give the key write access to contacts, or use a key of an account that has it."),
            _ => null,
        };
    }
}
