using ConnectorHub.Host.Access;
using Hangfire;
using Hangfire.Dashboard;

namespace ConnectorHub.Host.Hosting;

/// <summary>
/// The Hangfire Dashboard at <see cref="Path"/>: the scheduler's own view of jobs, queues, retries and servers, for
/// admins only (anyone else signs in, or is refused). The hub's run pages stay where users follow their syncs.
/// </summary>
internal static class SchedulerDashboard
{
    public const string Path = "/hangfire";

    public static WebApplication MapSchedulerDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/runs",
            DashboardTitle = "ConnectorHub scheduler",
            DisplayStorageConnectionString = false,
            // The endpoint's policy decides who enters; this filter repeats it for requests that bypass routing.
            Authorization = [new AdminOnly()],
        }).RequireAuthorization(HubPolicies.Admin);
        return app;
    }

    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Core.Access.HubRoles.Admin);
    }
}
