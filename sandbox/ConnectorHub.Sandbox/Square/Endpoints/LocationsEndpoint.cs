using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Square.Queries;

namespace ConnectorHub.Sandbox.Square.Endpoints;

/// <summary><c>GET /v2/locations</c>: every location of the seller (no paging).</summary>
internal static class LocationsEndpoint
{
    public static IResult List(SquareEmulator emulator, HttpRequest request)
    {
        emulator.Log(request, null);
        lock (emulator.Gate)
        {
            return SquareRequestBody.Ok(new JsonObject { ["locations"] = new JsonArray(emulator.AllLocations.Select(l => (JsonNode)l.ToJson()).ToArray()) });
        }
    }
}
