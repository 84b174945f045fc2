using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard;

/// <summary>The dashboard's page for "not found" and for unexpected errors (which are logged, never shown in detail).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : DashboardPage
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The hub hit an unexpected error. It is in the hub's log; try again, and tell an admin if it persists.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        if (error is NotFoundException notFound || code == StatusCodes.Status404NotFound)
        {
            Title = "Not found";
            Message = (error as NotFoundException)?.Message ?? "There is no page at this address. It may have been deleted.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (code == StatusCodes.Status429TooManyRequests)
        {
            Title = "Too many attempts";
            Message = "There were too many sign-in attempts from your address. Wait a minute, then try again.";
        }
        else if (code is { } status && status < 500)
        {
            Title = $"The request was refused ({status})";
            Message = "The hub could not handle this request. Go back and try again.";
        }
    }
}
