using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Tracking.Origins;

namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>
/// Cross-origin requests from web pages: a page may call the tracking API of a source only from an origin the source
/// allows (<see cref="BrowserOrigins"/>). A preflight names no source, so it passes when some source allows the
/// origin; the request itself is then refused (403, readable by the page) unless its own source allows it. Requests
/// without an <c>Origin</c> (server-side clients) are not affected.
/// </summary>
internal sealed class TrackingCors(BrowserOrigins origins)
{
    private const string AllowedHeaders = "Authorization, Content-Type, X-Retry-Count";

    /// <summary>Lets the page read the answer when some source allows its origin (errors found before the source is known too).</summary>
    public async Task AllowKnownOriginAsync(HttpContext context)
    {
        if (OriginOf(context) is { } origin && await origins.AnyAllowsAsync(origin, context.RequestAborted))
        {
            Allow(context, origin);
        }
    }

    /// <summary>Null when the request may go on; else the 403 that tells the page which origin to allow where.</summary>
    public async Task<IResult?> RefuseAsync(HttpContext context, TrackingSourceIdentity source)
    {
        if (OriginOf(context) is not { } origin || await origins.AllowsAsync(source.SourceId, origin, context.RequestAborted))
        {
            return null;
        }

        // The refusal itself is readable, so the page's console says what to change.
        Allow(context, origin);
        return TrackingResponses.Refused(StatusCodes.Status403Forbidden,
            $"Pages of {origin} may not send events to tracking source '{source.SourceName}': an admin adds the origin under 'Allowed web origins' on the Tracking page (or PUT /api/tracking/sources/{source.SourceId}/origins).");
    }

    /// <summary>The answer to a preflight (<c>OPTIONS</c>) of any tracking call.</summary>
    public async Task<IResult> PreflightAsync(HttpContext context)
    {
        if (OriginOf(context) is not { } origin || !await origins.AnyAllowsAsync(origin, context.RequestAborted))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        Allow(context, origin);
        context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        context.Response.Headers.AccessControlAllowHeaders = AllowedHeaders;
        context.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private static string? OriginOf(HttpContext context) => context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && origin != "null" ? origin : null;

    private static void Allow(HttpContext context, string origin)
    {
        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.Vary = "Origin";
    }
}
