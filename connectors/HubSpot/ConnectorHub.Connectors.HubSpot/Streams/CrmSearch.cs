using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Connectors.HubSpot.Streams;

/// <summary><c>POST /crm/v3/objects/{type}/search</c>: modified at or after the cursor, oldest first.</summary>
internal static class CrmSearch
{
    public static RequestTemplate For(CrmStream stream, int pageSize) => new()
    {
        Method = HttpMethod.Post,
        Path = $"crm/v3/objects/{stream.Name}/search",
        Customize = (request, args) => request.Body = new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(new JsonObject
                {
                    ["propertyName"] = stream.ModifiedProperty,
                    ["operator"] = "GTE",
                    ["value"] = (args.Cursor?.ToUnixTimeMilliseconds() ?? 0).ToString(CultureInfo.InvariantCulture),
                }),
            }),
            ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = stream.ModifiedProperty, ["direction"] = "ASCENDING" }),
            ["properties"] = new JsonArray(stream.Properties.Select(p => (JsonNode)p).ToArray()),
            ["limit"] = pageSize,
        },
    };
}
