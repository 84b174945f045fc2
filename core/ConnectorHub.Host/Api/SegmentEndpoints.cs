using System.Text.Json;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary>
/// <c>/api/segments</c>: segments as rule trees (docs/segments.md). Anyone may read, preview and see members and
/// history; marketing and admins create, change, delete and refresh.
/// </summary>
internal static class SegmentEndpoints
{
    public static IEndpointRouteBuilder MapSegmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/segments").WithTags("Segments").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (SegmentService segments, CancellationToken ct) => segments.ListAsync(ct)).WithSummary("All segments with their size and last refresh.");
        group.MapGet("/{id}", (long id, SegmentService segments, CancellationToken ct) => segments.GetAsync(id, ct)).WithSummary("One segment.");
        group.MapPost("/preview", (SegmentPreviewRequest request, SegmentQueries queries, CancellationToken ct) => queries.PreviewAsync(request.Definition, ct))
            .WithSummary("How many profiles an unsaved rule tree matches now, with a sample of their ids.")
            .ProducesValidationProblem();
        group.MapGet("/{id}/members", (long id, int? limit, int? offset, SegmentQueries queries, CancellationToken ct) => queries.MembersAsync(id, limit ?? 100, offset ?? 0, ct))
            .WithSummary("The current members by profile id, with when they entered; paged by limit and offset.")
            .ProducesValidationProblem();
        group.MapGet("/{id}/history", (long id, int? limit, int? offset, SegmentQueries queries, CancellationToken ct) => queries.HistoryAsync(id, limit ?? 100, offset ?? 0, ct))
            .WithSummary("Entries and exits, newest first; paged by limit and offset.")
            .ProducesValidationProblem();
        group.MapPost("/", async (SegmentRequest request, SegmentService segments, CancellationToken ct) =>
            {
                var created = await segments.CreateAsync(request, ct);
                return Results.Created($"/api/segments/{created.Id}", created);
            })
            .WithSummary("Creates a segment. The rule is validated (errors name the node by JSON path); schedule defaults to every 30 seconds, null refreshes on demand only.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPut("/{id}", (long id, SegmentRequest request, SegmentService segments, CancellationToken ct) => segments.UpdateAsync(id, request, ct))
            .WithSummary("Changes a segment; members follow at the next refresh.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Operate);
        group.MapDelete("/{id}", async (long id, SegmentService segments, CancellationToken ct) =>
            {
                await segments.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a segment and its membership history; refused while another segment refers to it.")
            .RequireAuthorization(HubPolicies.Operate);
        group.MapPost("/{id}/refresh", (long id, SegmentRefresher refresher, CancellationToken ct) => refresher.RefreshAsync(id, ct))
            .WithSummary("Refreshes the segment now and answers how many profiles entered and exited.")
            .RequireAuthorization(HubPolicies.Operate);
        return routes;
    }
}

/// <summary>The body of a count preview: the rule tree to evaluate.</summary>
internal sealed record SegmentPreviewRequest(JsonElement Definition);
