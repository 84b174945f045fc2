using System.Security.Claims;
using ConnectorHub.Core.Tracking.Ingestion;
using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Tracking.Origins;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>
/// <c>/api/tracking/sources</c>: tracking sources, their write keys and the web origins allowed to send from browsers.
/// Anyone signed in lists them (keys masked); only admins create sources and keys (a key's value is shown once, in the
/// creation answer), revoke keys and set origins.
/// </summary>
internal static class TrackingSourceEndpoints
{
    public static IEndpointRouteBuilder MapTrackingSourceEndpoints(this IEndpointRouteBuilder routes)
    {
        var sources = routes.MapGroup("/api/tracking/sources").WithTags("Tracking").RequireAuthorization(HubPolicies.Read);
        sources.MapGet("/", (TrackingSourceService service, CancellationToken ct) => service.ListSourcesAsync(ct))
            .WithSummary("All tracking sources, with how many working write keys each has.");
        sources.MapPost("/", async (TrackingSourceRequest request, TrackingSourceService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await service.CreateSourceAsync(request, user.Identity?.Name ?? "unknown", ct);
                return Results.Created($"/api/tracking/sources/{created.Id}", created);
            })
            .WithSummary("Creates a tracking source; its name becomes the source of the events it receives.")
            .ProducesValidationProblem().RequireAuthorization(HubPolicies.Admin);
        sources.MapGet("/{id:guid}/write-keys", (Guid id, TrackingSourceService service, CancellationToken ct) => service.ListKeysAsync(id, ct))
            .WithSummary("The source's write keys, masked (their values are never shown again).");
        sources.MapPost("/{id:guid}/write-keys", async (Guid id, TrackingSourceService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await service.CreateKeyAsync(id, user.Identity?.Name ?? "unknown", ct);
                return Results.Created($"/api/tracking/sources/{id}/write-keys/{created.Key.Id}", created);
            })
            .WithSummary("Creates a write key for the source; the answer holds its value, shown this once.").RequireAuthorization(HubPolicies.Admin);
        sources.MapDelete("/{id:guid}/write-keys/{keyId:guid}", async (Guid id, Guid keyId, TrackingSourceService service, CancellationToken ct) =>
            {
                await service.RevokeKeyAsync(id, keyId, ct);
                return Results.NoContent();
            })
            .WithSummary("Revokes a write key: calls carrying it are refused with 401 from now on.").RequireAuthorization(HubPolicies.Admin);
        sources.MapGet("/{id:guid}/origins", async (Guid id, BrowserOrigins origins, TrackingSourceService service, CancellationToken ct) =>
            {
                await service.EnsureExistsAsync(id, ct);
                return new AllowedOrigins(await origins.ListAsync(id, ct));
            })
            .WithSummary("The web origins whose pages may send the source events from a browser (CORS).");
        sources.MapPut("/{id:guid}/origins", async (Guid id, AllowedOrigins request, BrowserOrigins origins, ClaimsPrincipal user, CancellationToken ct) =>
                new AllowedOrigins(await origins.SetAsync(id, request.Origins ?? [], user.Identity?.Name ?? "unknown", ct)))
            .WithSummary("Replaces the source's allowed web origins (such as https://shop.example.com, or * for any page).")
            .ProducesValidationProblem().RequireAuthorization(HubPolicies.Admin);
        routes.MapGet("/api/tracking/events/recent", (int? limit, RecentEvents recent) => recent.Latest(limit ?? 20))
            .WithTags("Tracking").WithSummary("The last events this node committed, newest first (at most 100): the dashboard's live view.")
            .RequireAuthorization(HubPolicies.Read);
        return routes;
    }

    /// <summary>The web origins of a tracking source.</summary>
    /// <param name="Origins">Origins such as <c>https://shop.example.com</c>; <c>*</c> allows every page.</param>
    internal sealed record AllowedOrigins(IReadOnlyList<string>? Origins);
}
