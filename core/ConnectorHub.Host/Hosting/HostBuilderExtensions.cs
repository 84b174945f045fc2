using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Scheduling;
using ConnectorHub.Host.Access;
using ConnectorHub.Host.Api;
using ConnectorHub.Host.Api.Tracking;
using ConnectorHub.Host.Dashboard;
using ConnectorHub.Host.Demo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ConnectorHub.Host.Hosting;

/// <summary>Registers and maps everything the host serves.</summary>
internal static class HostBuilderExtensions
{
    public static WebApplicationBuilder AddConnectorHubHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddConnectorHub(builder.Configuration).AddScheduling();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<HubExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only (an unknown name or a number is refused), and a body missing a required field or
            // holding null where the API takes none is refused while it is read, with the field's name.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        // A body that cannot be read throws, so HubExceptionHandler answers with what is wrong and where.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHubAuthentication().AddHubPolicies().AddSignInThrottle();
        builder.Services.AddDashboard();
        builder.Services.AddDemo(builder.Configuration);
        builder.Services.AddTrackingApi();
        builder.Services.AddProxySupport();
        return builder;
    }

    public static WebApplication MapConnectorHubHost(this WebApplication app)
    {
        // Behind a TLS proxy: believe its X-Forwarded-Proto/For (from known proxies only), so cookies are Secure.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // The API answers errors as problem details; the dashboard shows pages.
        app.UseWhen(c => HubAuthentication.IsApi(c.Request) || !DashboardRoutes.IsDashboard(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !HubAuthentication.IsApi(c.Request) && DashboardRoutes.IsDashboard(c.Request), dashboard =>
        {
            dashboard.UseExceptionHandler(DashboardRoutes.ErrorPath);
            dashboard.UseStatusCodePagesWithReExecute(DashboardRoutes.ErrorPath, "?code={0}");
        });
        app.UseDashboardAssets();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "ConnectorHub API"));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ApiForgeryGuard>();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAccessEndpoints();
        app.MapPluginEndpoints();
        app.MapConnectionEndpoints();
        app.MapProfileEndpoints();
        app.MapAccountEndpoints();
        app.MapSyncEndpoints();
        app.MapRunEndpoints();
        app.MapMappingEndpoints();
        app.MapSegmentEndpoints().MapComputedTraitEndpoints();
        app.MapActivationEndpoints();
        app.MapModelEndpoints();
        app.MapTrackingApi();
        app.MapSchedulerDashboard();
        app.MapDashboard();
        return app;
    }
}
