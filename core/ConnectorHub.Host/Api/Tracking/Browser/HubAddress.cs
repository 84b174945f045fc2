using ConnectorHub.Core.Tracking;

namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>The hub's address as web pages reach it: <see cref="TrackingOptions.PublicUrl"/>, else the request's own.</summary>
internal static class HubAddress
{
    public static Uri Of(HttpRequest request, TrackingOptions options) =>
        new((options.PublicUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/'));
}
