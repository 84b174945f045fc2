using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/syncs</c>: what moves where and when; <c>POST /api/syncs/{id}/runs</c> runs one now.</summary>
internal static class SyncEndpoints
{
    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/syncs").WithTags("Syncs").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (SyncService service, CancellationToken ct) => service.ListAsync(ct)).WithSummary("All syncs.");
        group.MapGet("/{id:guid}", (Guid id, SyncService service, CancellationToken ct) => service.GetAsync(id, ct)).WithSummary("One sync.");
        group.MapPost("/", async (SyncRequest request, SyncService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(request, ct);
                return Results.Created($"/api/syncs/{created.Id}", created);
            })
            .WithSummary("Creates a sync; the selected streams are checked against the source's discovered streams.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPut("/{id:guid}", (Guid id, SyncRequest request, SyncService service, CancellationToken ct) => service.UpdateAsync(id, request, ct))
            .WithSummary("Changes a sync; its checkpoints are kept.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapDelete("/{id:guid}", async (Guid id, SyncService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a sync with its runs and checkpoints.")
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/{id:guid}/enable", (Guid id, SyncService service, CancellationToken ct) => service.SetEnabledAsync(id, true, ct))
            .WithSummary("Turns the sync's schedule on.")
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/{id:guid}/disable", (Guid id, SyncService service, CancellationToken ct) => service.SetEnabledAsync(id, false, ct))
            .WithSummary("Turns the sync's schedule off.")
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/{id:guid}/runs", async (Guid id, SyncRunner runner, IRunLauncher launcher, RunService runs, CancellationToken ct) =>
            {
                var runId = await runner.QueueAsync(id, RunTrigger.Manual, cancellationToken: ct);
                await launcher.LaunchAsync(id, runId, ct);
                return Results.Accepted($"/api/runs/{runId}", await runs.GetAsync(runId, ct));
            })
            .WithSummary("Runs the sync now; answers 202 with the queued run. Never two runs of one sync at once.")
            .Produces<RunView>(StatusCodes.Status202Accepted)
            .RequireAuthorization(HubPolicies.Operate);
        return routes;
    }
}
