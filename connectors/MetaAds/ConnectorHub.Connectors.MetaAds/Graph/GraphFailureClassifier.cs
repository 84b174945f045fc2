using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.MetaAds.Graph;

/// <summary>
/// Classifies Graph failures by error code, since Meta answers nearly everything with HTTP 400: token and
/// permission codes are configuration errors; 4/17/32/613/800xx are throttling (waiting as long as the usage
/// headers say); "reduce the amount of data" is not retried (the reader switches to an async report); 1/2,
/// <c>is_transient</c> and 5xx are passing faults.
/// </summary>
internal static class GraphFailureClassifier
{
    public static HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        if (GraphErrorBody.TryParse(body) is not { } error)
        {
            return null;
        }

        return error.Code switch
        {
            190 or 102 or 104 or 463 or 467 => new(ErrorCategory.Configuration,
                $"Meta refused the access token ({error}) on {request}. Generate a new system-user token with the ads_read permission and update 'access_token' in the connection."),
            10 or (>= 200 and <= 299) => new(ErrorCategory.Configuration,
                $"The access token lacks a permission Meta requires ({error}) on {request}. Give the system user the ads_read permission on the ad account."),
            100 when error.Subcode == 33 => new(ErrorCategory.Configuration,
                $"Meta cannot find the object or the token cannot see it ({error}) on {request}. Check 'ad_account_ids', and that the token's user has access to those accounts."),
            4 or 17 or 32 or 613 or (>= 80000 and <= 80014) => new(ErrorCategory.RateLimited,
                $"Meta throttled {request} ({error}).", BusinessUseCaseUsage.RegainAccessIn(response)),
            _ when error.IsTooMuchData => new(ErrorCategory.Internal, $"Meta refused {request} as too much data for one request ({error})."),
            1 or 2 => new(ErrorCategory.Transient, $"Meta failed temporarily on {request} ({error})."),
            _ when error.IsTransient || (int)response.StatusCode >= 500 => new(ErrorCategory.Transient, $"Meta failed temporarily on {request} ({error})."),
            _ => new(ErrorCategory.Internal, $"Meta refused {request} ({error})."),
        };
    }
}
