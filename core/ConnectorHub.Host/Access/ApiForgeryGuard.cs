using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Access;

/// <summary>
/// Refuses a change to the REST API (any method but GET, HEAD, OPTIONS, TRACE) that is authenticated by the dashboard's
/// sign-in cookie and does not carry the antiforgery token: a browser sends that cookie along with a cross-site form
/// or <c>fetch</c>, so without this another site could make a signed-in user's browser queue runs or change settings.
/// Requests with an API token (<c>Authorization: Bearer</c>) are not cookie-borne and pass as they are.
/// </summary>
internal sealed class ApiForgeryGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, IProblemDetailsService problems)
    {
        if (IsCookieBorneChange(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cross-site request refused.",
                    Detail = $"{context.Request.Method} {context.Request.Path} came with the dashboard's sign-in cookie but without its antiforgery token "
                        + $"(the '{AntiforgeryHeader}' header). Scripts and other programs call the API with an API token instead: 'Authorization: Bearer chub_...'.",
                },
            });
            return;
        }

        await next(context);
    }

    /// <summary>The header that carries the antiforgery token on API calls made with the sign-in cookie.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    private static bool IsCookieBorneChange(HttpContext context)
    {
        var method = context.Request.Method;
        return HubAuthentication.IsApi(context.Request)
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && !HubAuthentication.TryReadBearer(context.Request, out _)
            && context.User.Identity?.IsAuthenticated == true;
    }
}
