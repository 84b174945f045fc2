using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/profiles</c>: unified profiles by id, identifier, trait or identifier prefix, with history, events and orders.</summary>
internal static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/profiles").WithTags("Profiles");
        group.MapGet("/{id:long}", async (long id, ProfileService profiles, CancellationToken ct) =>
            {
                var survivor = await profiles.SurvivorOfAsync(id, ct);
                return survivor == id ? Results.Ok(await profiles.GetAsync(id, ct)) : Results.Redirect($"/api/profiles/{survivor}", permanent: true, preserveMethod: true);
            })
            .WithSummary("One profile: traits and consent with source and time, identifiers with provenance, merge and drop history. A merged-away id redirects to its survivor.")
            .Produces<ProfileView>();
        group.MapGet("/lookup", async (string? identifier, ProfileService profiles, CancellationToken ct) =>
                await profiles.GetAsync(await profiles.LookupAsync(identifier ?? string.Empty, ct), ct))
            .WithSummary("The profile holding an identifier, given as type:value (normalized as at ingestion, e.g. emails lower-cased).")
            .ProducesValidationProblem();
        group.MapGet("/", (string? trait, string? value, string? q, int? limit, int? offset, ProfileService profiles, CancellationToken ct) =>
                (trait, value, q) switch
                {
                    ({ Length: > 0 }, not null, null) => profiles.SearchByTraitAsync(trait, value, limit ?? 50, offset ?? 0, ct),
                    (null, null, not null) => profiles.SearchByIdentifierPrefixAsync(q, limit ?? 50, offset ?? 0, ct),
                    _ => throw new HubValidationException("query", "Search by trait (?trait=first_name&value=Ann) or by the start of an identifier (?q=ann@), not both."),
                })
            .WithSummary("Profiles whose trait equals a value (ignoring case), or with an identifier starting with q; paged by limit and offset.")
            .ProducesValidationProblem();
        group.MapGet("/{id:long}/events", (long id, int? limit, string? before, ProfileTimeline timeline, CancellationToken ct) =>
                timeline.EventsAsync(id, limit ?? 50, before, ct))
            .WithSummary("The profile's events, newest first; pass the page's 'next' as 'before' for the next page.")
            .ProducesValidationProblem();
        group.MapGet("/{id:long}/orders", (long id, int? limit, string? before, ProfileTimeline timeline, CancellationToken ct) =>
                timeline.OrdersAsync(id, limit ?? 50, before, ct))
            .WithSummary("The profile's orders, newest first by placed time; pass the page's 'next' as 'before' for the next page.")
            .ProducesValidationProblem();
        return routes;
    }
}
