namespace ConnectorHub.Host.Api.Tracking;

/// <summary>Registers and maps the tracking API and its management endpoints.</summary>
internal static class TrackingHostExtensions
{
    public static IServiceCollection AddTrackingApi(this IServiceCollection services) => services.AddSingleton<TrackingRequestHandler>();

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder routes) => routes.MapTrackingEndpoints().MapTrackingSourceEndpoints();
}
