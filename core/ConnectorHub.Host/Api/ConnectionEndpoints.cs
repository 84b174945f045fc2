using ConnectorHub.Core.Connections;
using ConnectorHub.Host.Access;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/connections</c>: configured connector instances. Secrets are write-only and come back masked.</summary>
internal static class ConnectionEndpoints
{
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/connections").WithTags("Connections").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (ConnectionService service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("All connections, secrets masked.");
        group.MapGet("/{id:guid}", (Guid id, ConnectionService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("One connection, secrets masked.");
        group.MapPost("/", async (ConnectionRequest request, ConnectionService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(request, ct);
                return Results.Created($"/api/connections/{created.Id}", created);
            })
            .WithSummary("Creates a connection after validating its settings and checking them against the real system.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPut("/{id:guid}", (Guid id, ConnectionRequest request, ConnectionService service, CancellationToken ct) => service.UpdateAsync(id, request, ct))
            .WithSummary("Changes a connection; secrets sent as the mask (or left out) keep their stored value.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapDelete("/{id:guid}", async (Guid id, ConnectionService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a connection no sync uses.")
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/{id:guid}/check", (Guid id, ConnectionService service, CancellationToken ct) => service.CheckAsync(id, ct))
            .WithSummary("Checks a connection against the real system and records the result.")
            .Produces<CheckResult>()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapGet("/{id:guid}/streams", (Guid id, ConnectionService service, CancellationToken ct) => service.DiscoverAsync(id, ct))
            .WithSummary("Discovers the streams a source connection offers.")
            .Produces<IReadOnlyList<StreamDescriptor>>();
        return routes;
    }
}
