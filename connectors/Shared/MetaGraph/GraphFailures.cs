using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Meta.Graph;

/// <summary>What a Meta connector tells an admin to fix: the permission its token needs, and where the objects it reads are set.</summary>
/// <param name="Permission">The token permission the connector needs (<c>ads_read</c>, <c>ads_management</c>).</param>
/// <param name="PermissionHint">More on granting it (empty when nothing more applies).</param>
/// <param name="NotFoundHint">Which settings name the objects the connector reads.</param>
internal sealed record GraphWording(string Permission, string PermissionHint, string NotFoundHint);

/// <summary>
/// Classifies Graph API failures by error code, the same for every Meta connector (this file is linked into each,
/// from connectors/Shared/MetaGraph, since plugins depend on the SDK only). Meta answers nearly everything with HTTP
/// 400: token and permission codes are configuration errors; 4/17/32/613/800xx are throttling, waited out as long as
/// the usage headers say; "reduce the amount of data" is not retried (a reader can ask for an async report instead);
/// 1/2, <c>is_transient</c> and 5xx are passing faults.
/// </summary>
internal sealed class GraphFailures(GraphWording wording)
{
    public HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (GraphErrorBody.TryParse(body) is not { } error)
        {
            return null;
        }

        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        return error.Code switch
        {
            190 or 102 or 104 or 463 or 467 => new(ErrorCategory.Configuration,
                $"Meta refused the access token ({error}) on {request}. Generate a new system-user token with the {wording.Permission} permission and update 'access_token' in the connection."),
            10 or (>= 200 and <= 299) => new(ErrorCategory.Configuration,
                $"The access token lacks a permission Meta requires ({error}) on {request}. Give the system user the {wording.Permission} permission on the ad account{wording.PermissionHint}."),
            100 when error.Subcode == 33 => new(ErrorCategory.Configuration,
                $"Meta cannot find the object or the token cannot see it ({error}) on {request}. {wording.NotFoundHint}"),
            4 or 17 or 32 or 613 or (>= 80000 and <= 80014) => new(ErrorCategory.RateLimited,
                $"Meta throttled {request} ({error}).", BusinessUseCaseUsage.RegainAccessIn(response)),
            _ when error.IsTooMuchData => new(ErrorCategory.Internal, $"Meta refused {request} as too much data for one request ({error})."),
            1 or 2 => new(ErrorCategory.Transient, $"Meta failed temporarily on {request} ({error})."),
            _ when error.IsTransient || (int)response.StatusCode >= 500 => new(ErrorCategory.Transient, $"Meta failed temporarily on {request} ({error})."),
            _ => new(ErrorCategory.Internal, $"Meta refused {request} ({error})."),
        };
    }
}
