namespace ConnectorHub.Host.Dashboard;

/// <summary>Which requests belong to the dashboard (everything that is not the API, health, OpenAPI or assets).</summary>
internal static class DashboardRoutes
{
    public const string ErrorPath = "/error";
    public const string AssetsPath = "/assets";

    private static readonly string[] NotDashboard = ["/api", "/healthz", "/openapi", "/swagger", "/v1", AssetsPath];

    public static bool IsDashboard(HttpRequest request) =>
        !NotDashboard.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
