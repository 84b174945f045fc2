using ConnectorHub.Core.Runs;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/runs</c>: run history, detail with per-stream counts and errors, rejected records, cancel.</summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/runs").WithTags("Runs").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (Guid? syncId, RunStatus? status, DateTimeOffset? from, DateTimeOffset? to, int? limit, int? offset, RunService service, CancellationToken ct) =>
                service.ListAsync(new RunQuery { SyncId = syncId, Status = status, From = from, To = to, Limit = limit ?? 50, Offset = offset ?? 0 }, ct))
            .WithSummary("Runs, newest first, filtered by sync, status and time.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", (Guid id, RunService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("One run: status, timings, per-stream counts, and the classified error with the failed request.");
        group.MapGet("/{id:guid}/rejects", (Guid id, int? limit, int? offset, RunService service, CancellationToken ct) =>
                service.RejectsAsync(id, limit ?? 100, offset ?? 0, ct))
            .WithSummary("Records the run set aside, with the stage and reason.");
        group.MapPost("/{id:guid}/cancel", (Guid id, RunService service, CancellationToken ct) => service.CancelAsync(id, ct))
            .WithSummary("Stops a queued or running run; it commits what it read, and the next run resumes from there.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        return routes;
    }
}
