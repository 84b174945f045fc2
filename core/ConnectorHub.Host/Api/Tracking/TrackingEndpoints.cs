using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>
/// <c>/v1/identify</c>, <c>/v1/track</c>, <c>/v1/page</c>, <c>/v1/screen</c>, <c>/v1/group</c>, <c>/v1/alias</c> and
/// <c>/v1/batch</c> (also <c>/v1/import</c>): Segment's HTTP tracking API, so Segment's client libraries point at the hub
/// unchanged. The browser library posts to the short paths <c>/v1/t</c>, <c>/v1/i</c>, <c>/v1/p</c>, <c>/v1/s</c>,
/// <c>/v1/g</c>, <c>/v1/a</c> and <c>/v1/b</c> (batching), which Segment's API also takes. No user sign-in: each call
/// carries a tracking source's write key; a call from a web page also needs its origin allowed (<see cref="Browser.TrackingCors"/>).
/// </summary>
internal static class TrackingEndpoints
{
    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").WithTags("Tracking").AllowAnonymous().DisableAntiforgery();
        foreach (var type in MessageTypes.All)
        {
            foreach (var path in (string[])["/" + type, "/" + type[0]])
            {
                v1.MapPost(path, (HttpContext context, TrackingRequestHandler handler) => handler.HandleAsync(context, type))
                    .WithSummary($"A Segment {type} call, authenticated by a write key (HTTP Basic user name, or 'writeKey' in the body).");
            }
        }

        foreach (var path in (string[])["/batch", "/import", "/b"])
        {
            v1.MapPost(path, (HttpContext context, TrackingRequestHandler handler) => handler.HandleAsync(context, null))
                .WithSummary("A batch of Segment calls ('batch' array, each with its 'type'); answered once they are committed.");
        }

        return routes;
    }
}
