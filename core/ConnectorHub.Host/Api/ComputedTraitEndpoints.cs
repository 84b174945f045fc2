using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/computed-traits</c>: per-profile aggregates of events, usable in segment rules as <c>{"computedTrait": name}</c>.</summary>
internal static class ComputedTraitEndpoints
{
    public static IEndpointRouteBuilder MapComputedTraitEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/computed-traits").WithTags("Segments").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (ComputedTraitService traits, CancellationToken ct) => traits.ListAsync(ct)).WithSummary("All computed traits.");
        group.MapGet("/{id}", (long id, ComputedTraitService traits, CancellationToken ct) => traits.GetAsync(id, ct)).WithSummary("One computed trait.");
        group.MapPost("/", async (ComputedTraitRequest request, ComputedTraitService traits, CancellationToken ct) =>
            {
                var created = await traits.CreateAsync(request, ct);
                return Results.Created($"/api/computed-traits/{created.Id}", created);
            })
            .WithSummary("Creates a computed trait (count, sum, average, first, last or mostFrequent over an event) and computes it.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPut("/{id}", (long id, ComputedTraitRequest request, ComputedTraitService traits, CancellationToken ct) => traits.UpdateAsync(id, request, ct))
            .WithSummary("Changes a computed trait and recomputes it.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapDelete("/{id}", async (long id, ComputedTraitService traits, SegmentService segments, CancellationToken ct) =>
            {
                var trait = await traits.GetAsync(id, ct);
                await traits.DeleteAsync(id, await segments.UsersOfComputedTraitAsync(trait.Name, ct), ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a computed trait; refused while a segment uses it.")
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPost("/{id}/refresh", async (long id, ComputedTraitService traits, CancellationToken ct) =>
            {
                await traits.RefreshAsync(id, ct);
                return await traits.GetAsync(id, ct);
            })
            .WithSummary("Recomputes the trait for every profile now.")
            .RequireAuthorization(HubPolicies.Operate);
        return routes;
    }
}
