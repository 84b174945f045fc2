using ConnectorHub.Sdk.Testing.Emulators;
using System.Globalization;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary>
/// <c>GET /crm/v3/objects/{type}?limit&amp;after&amp;properties&amp;archived</c>: objects in id order, <c>after</c> being the
/// next id to return; no <c>paging</c> key on the last page.
/// </summary>
internal static class ListObjectsEndpoint
{
    private const int DefaultLimit = 10;

    public static async Task HandleAsync(HttpContext context, HubSpotEmulator emulator, HubSpotObjectStore store)
    {
        var query = context.Request.Query;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > emulator.Options.MaxListLimit))
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation($"limit must be a number between 1 and {emulator.Options.MaxListLimit}; got '{limitText}'."));
            return;
        }

        long? after = null;
        if (query.TryGetValue("after", out var afterText) && !string.IsNullOrEmpty(afterText))
        {
            if (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation($"Invalid paging cursor after='{afterText}'."));
                return;
            }

            after = parsed;
        }

        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var properties = ObjectJson.ResolveProperties(store.Type, query["properties"].OfType<string>());
        var (page, more) = store.ListFrom(after ?? 0, limit, archived);
        var next = NextCursor(emulator.Paging, after, page, more);
        await HubSpotResponses.WriteAsync(context, 200, writer => ObjectJson.WritePage(writer, context.Request, store.Type, page, properties, next));
    }

    private static string? NextCursor(PagingMisbehaviour paging, long? after, IReadOnlyList<CrmObject> page, bool more)
    {
        var natural = page.Count > 0 ? page[^1].Id + 1 : (after ?? 0) + 1;
        return paging switch
        {
            PagingMisbehaviour.RepeatCursor when after is { } same => same.ToString(CultureInfo.InvariantCulture),
            PagingMisbehaviour.EndlessEmptyPages => natural.ToString(CultureInfo.InvariantCulture),
            _ => more ? natural.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
