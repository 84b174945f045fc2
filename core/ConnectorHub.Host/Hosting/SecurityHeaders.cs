using ConnectorHub.Host.Dashboard;

namespace ConnectorHub.Host.Hosting;

/// <summary>
/// Response headers that keep browsers safe with the hub's content: no MIME sniffing and no referrer leaking to
/// other sites on every response; on dashboard pages a Content-Security-Policy that admits only the hub's own
/// scripts, styles and requests (the dashboard has no inline script or style), and no framing.
/// </summary>
internal static class SecurityHeaders
{
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            // The scheduler's dashboard is Hangfire's own page, with its own inline scripts.
            if (DashboardRoutes.IsDashboard(context.Request) && !context.Request.Path.StartsWithSegments(SchedulerDashboard.Path, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = DashboardPolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
