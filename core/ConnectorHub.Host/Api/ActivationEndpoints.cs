using ConnectorHub.Core.Activation;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary>
/// <c>/api/activations</c>: segments sent to destinations. Anyone signed in reads them, their runs and their
/// rejections; marketing and admins create, change, delete and run them.
/// </summary>
internal static class ActivationEndpoints
{
    public static IEndpointRouteBuilder MapActivationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/activations").WithTags("Activations").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (ActivationService service, CancellationToken ct) => service.ListAsync(ct)).WithSummary("All activations.");
        group.MapGet("/{id}", (long id, ActivationService service, CancellationToken ct) => service.GetAsync(id, ct)).WithSummary("One activation.");
        group.MapPost("/", async (ActivationRequest request, ActivationService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(request, ct);
                return Results.Created($"/api/activations/{created.Id}", created);
            })
            .WithSummary("Creates an activation; the mode is checked against what the destination supports.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPut("/{id}", (long id, ActivationRequest request, ActivationService service, CancellationToken ct) => service.UpdateAsync(id, request, ct))
            .WithSummary("Changes an activation; what was delivered is kept, so the next run sends only the difference.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapDelete("/{id}", async (long id, ActivationService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes an activation with its ledger; the destination keeps what it holds.")
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPost("/{id}/run", async (long id, ActivationService service, IActivationLauncher queue, CancellationToken ct) =>
            {
                await service.GetAsync(id, ct);
                var queued = queue.Enqueue(id, ActivationTrigger.Manual);
                return Results.Accepted($"/api/activations/{id}/runs", new { activationId = id, queued, alreadyWaiting = !queued });
            })
            .WithSummary("Queues a run now: sends what changed since the last delivery and retries failed records that are due.")
            .RequireAuthorization(HubPolicies.Operate);
        group.MapGet("/{id}/runs", async (long id, int? limit, ActivationService service, DeliveryQueries ledger, CancellationToken ct) =>
            {
                await service.GetAsync(id, ct);
                return await ledger.RunsAsync(id, limit ?? 20, ct);
            })
            .WithSummary("Runs, newest first: adds, removes, updates, sent, accepted, rejected, to retry, match rate and error.")
            .ProducesValidationProblem();
        group.MapGet("/{id}/rejections", async (long id, int? limit, int? offset, ActivationService service, DeliveryQueries ledger, CancellationToken ct) =>
            {
                await service.GetAsync(id, ct);
                return await ledger.RejectionsAsync(id, limit ?? 100, offset ?? 0, ct);
            })
            .WithSummary("Records not delivered yet, with the platform's reason, attempts and the next attempt; paged by profile id.")
            .ProducesValidationProblem();
        return routes;
    }
}
