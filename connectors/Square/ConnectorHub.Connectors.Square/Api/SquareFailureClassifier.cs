using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Square.Api;

/// <summary>
/// Classifies Square's failures by status and error code: 401 and 403 are configuration problems (with what to
/// do), 429 is rate limiting (Square sends no Retry-After, so the client backs off exponentially; a Retry-After from a
/// proxy is honoured), 5xx is transient, anything else is
/// a request the connector got wrong (internal, with Square's code, field and detail).
/// </summary>
internal static class SquareFailureClassifier
{
    private const string Scopes = "MERCHANT_PROFILE_READ, CUSTOMERS_READ, ORDERS_READ and PAYMENTS_READ";

    public static HttpFailure Classify(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var error = SquareErrorBody.TryParse(body);
        var what = error?.ToString() ?? $"HTTP {status}";
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        return status switch
        {
            401 when error?.Code == "ACCESS_TOKEN_EXPIRED" => new(ErrorCategory.Configuration,
                $"Square says the access token expired ({what}) on {request}. OAuth tokens last 30 days: configure 'client_id', 'client_secret' and 'refresh_token' so the connector refreshes them, or reconnect the account."),
            401 => new(ErrorCategory.Configuration,
                $"Square refused the access token ({what}) on {request}. Create a new access token in the Square Developer Dashboard (or reconnect the OAuth connection) and update 'access_token'."),
            403 => new(ErrorCategory.Configuration,
                $"The access token lacks a permission ({what}) on {request}. This connector needs {Scopes}; grant them and reconnect."),
            429 => new(ErrorCategory.RateLimited, $"Square rate limited {request} ({what}).", RetryAfterHeader.Read(response)),
            408 or >= 500 => new(ErrorCategory.Transient, $"Square failed on {request} ({what})."),
            _ => new(ErrorCategory.Internal, $"Square refused {request} ({what})."),
        };
    }
}
