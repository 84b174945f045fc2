using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Preview;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/mappings/preview</c>: the mapping editor's live preview.</summary>
internal static class MappingEndpoints
{
    public static IEndpointRouteBuilder MapMappingEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/mappings/preview", (MappingPreviewRequest request) =>
                MappingPreview.Run(request.Mapping, "mapping", request.Samples))
            .WithTags("Mappings")
            .RequireAuthorization(HubPolicies.Admin)
            .WithSummary($"Maps up to {MappingPreview.MaxSamples} sample records with a mapping (YAML or JSON) and returns each output or the errors, naming rule, field and line.");
        return routes;
    }
}

/// <summary>A mapping to try and the sample source records to try it on.</summary>
/// <param name="Mapping">The mapping document, YAML or JSON.</param>
/// <param name="Samples">Source records.</param>
internal sealed record MappingPreviewRequest(string Mapping, IReadOnlyList<JsonObject> Samples);
