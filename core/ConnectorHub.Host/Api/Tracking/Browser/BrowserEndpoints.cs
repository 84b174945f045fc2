using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Keys;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>
/// What a web page's snippet loads from the hub, at the paths Segment's browser library asks its CDN for (read in its
/// source: <c>parse-cdn.ts</c>, <c>standalone.ts</c>, <c>browser/index.ts</c>):
/// <c>/analytics.js/v1/{writeKey}/analytics.min.js</c> (the library), <c>/analytics-next/bundles/{chunk}</c> (the
/// chunks it loads on demand), <c>/v1/projects/{writeKey}/settings</c> (its settings, pointing it at the hub), and
/// the preflight of its cross-origin calls to <c>/v1/*</c>. No sign-in: the write key is public in the page.
/// </summary>
internal static class BrowserEndpoints
{
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static IEndpointRouteBuilder MapBrowserEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/analytics.js/v1/{writeKey}/analytics.min.js", (HttpContext context, AnalyticsNextBundle bundle) =>
            {
                // Any key gets the library: the settings request that follows says when a key is unknown.
                context.Response.Headers.CacheControl = "public, max-age=300";
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Results.Bytes(bundle.Standalone, JavaScript);
            })
            .WithTags("Tracking").WithSummary($"Segment's browser library (@segment/analytics-next {AnalyticsNextBundle.Version}), served by the hub.").AllowAnonymous();
        routes.MapGet("/analytics-next/bundles/{chunk}", (string chunk, HttpContext context, AnalyticsNextBundle bundle) =>
            {
                if (bundle.Chunk(chunk) is not { } bytes)
                {
                    return Results.NotFound();
                }

                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Results.Bytes(bytes, JavaScript);
            })
            .WithTags("Tracking").WithSummary("A chunk the browser library loads on demand (its name holds its content hash).").AllowAnonymous();
        routes.MapGet("/v1/projects/{writeKey}/settings", SettingsAsync)
            .WithTags("Tracking").WithSummary("The settings the browser library loads at start: every event goes to this hub.").AllowAnonymous();
        routes.MapMethods("/v1/{**path}", [HttpMethods.Options], (HttpContext context, TrackingCors cors) => cors.PreflightAsync(context))
            .WithTags("Tracking").WithSummary("The preflight of a web page's cross-origin tracking call.").AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> SettingsAsync(
        string writeKey, HttpContext context, WriteKeyAuthenticator keys, TrackingCors cors, IOptions<TrackingOptions> options)
    {
        await cors.AllowKnownOriginAsync(context);
        if (await keys.AuthenticateAsync(writeKey, context.RequestAborted) is not { } source)
        {
            // The library logs this text in the page's console.
            return Results.Text($"The write key '{writeKey}' is unknown or revoked: copy the snippet of a working key from the hub's Tracking page.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await cors.RefuseAsync(context, source) is { } refused)
        {
            return refused;
        }

        context.Response.Headers.CacheControl = "no-cache";
        return Results.Json(BrowserSettingsDocument.For(writeKey, HubAddress.Of(context.Request, options.Value)));
    }
}
