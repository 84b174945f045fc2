using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.HubSpot.Reading;

/// <summary>One page of HubSpot results: the objects (detached from the page, to be emitted as records) and the next cursor.</summary>
internal sealed record CrmPage(IReadOnlyList<JsonObject> Results, string? Next)
{
    public static CrmPage From(JsonObject page, string stream)
    {
        if (page["results"] is not JsonArray results)
        {
            throw new ConnectorInternalException($"HubSpot answered a page of stream '{stream}' without a results array.");
        }

        var objects = results.OfType<JsonObject>().ToArray();
        results.Clear(); // Detaches the objects so each record owns its JSON.
        return new CrmPage(objects, page["paging"]?["next"]?["after"]?.ToString());
    }
}
