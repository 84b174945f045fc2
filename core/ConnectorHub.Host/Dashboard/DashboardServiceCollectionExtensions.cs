using ConnectorHub.Host.Access;
using Microsoft.Extensions.FileProviders;

namespace ConnectorHub.Host.Dashboard;

/// <summary>
/// The dashboard: Razor Pages under <c>Dashboard/</c>, every page requiring a signed-in user (admin-only pages under
/// <c>Admin/</c>), and its stylesheet and script embedded in the assembly, so it works whatever the content root.
/// </summary>
internal static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard";
            o.Conventions.AuthorizeFolder("/", HubPolicies.Read);
            o.Conventions.AuthorizeFolder("/Admin", HubPolicies.Admin);
            o.Conventions.AuthorizePage("/Connections/Edit", HubPolicies.Admin);
            o.Conventions.AuthorizePage("/Syncs/Edit", HubPolicies.Admin);
            o.Conventions.AddPageRoute("/Connections/Edit", "connections/new");
            o.Conventions.AddPageRoute("/Syncs/Edit", "syncs/new");
            o.Conventions.AddPageRoute("/Segments/Edit", "segments/new");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/Setup");
            o.Conventions.AllowAnonymousToPage("/Account/SignOut");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Error");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "connectorhub.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = Access.ApiForgeryGuard.AntiforgeryHeader;
        });
        services.AddSingleton<Schedules.SchedulePreviewer>();
        services.AddSingleton<Profiles.ProfileSearch>();
        return services;
    }

    public static IApplicationBuilder UseDashboardAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = DashboardRoutes.AssetsPath,
            FileProvider = new EmbeddedFileProvider(typeof(DashboardRoutes).Assembly, "ConnectorHub.Host.Dashboard.Assets"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }
}
