using ConnectorHub.Host.Api.Tracking.Browser;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>Registers and maps the tracking API, what web pages load from the hub, and the management endpoints.</summary>
internal static class TrackingHostExtensions
{
    public static IServiceCollection AddTrackingApi(this IServiceCollection services) =>
        services.AddSingleton<TrackingRequestHandler>().AddSingleton<TrackingCors>().AddSingleton<AnalyticsNextBundle>();

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder routes) =>
        routes.MapTrackingEndpoints().MapBrowserEndpoints().MapTrackingSourceEndpoints();
}
