using System.Globalization;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary><c>GET /crm/v3/objects/{type}/{id}?properties&amp;idProperty&amp;archived</c>: one object, or 404.</summary>
internal static class ReadObjectEndpoint
{
    public static async Task HandleAsync(HttpContext context, HubSpotObjectStore store, string objectId)
    {
        var query = context.Request.Query;
        var idProperty = query["idProperty"].ToString();
        var item = string.IsNullOrEmpty(idProperty)
            ? long.TryParse(objectId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.FindById(id) : null
            : store.FindByProperty(idProperty, objectId);
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        if (item is null || item.Archived != archived)
        {
            await HubSpotResponses.WriteAsync(context, 404, HubSpotErrorBodies.Standard("resource not found", "OBJECT_NOT_FOUND"));
            return;
        }

        var properties = ObjectJson.ResolveProperties(store.Type, query["properties"].OfType<string>());
        await HubSpotResponses.WriteAsync(context, 200, writer => ObjectJson.Write(writer, store.Type, item, properties));
    }
}
