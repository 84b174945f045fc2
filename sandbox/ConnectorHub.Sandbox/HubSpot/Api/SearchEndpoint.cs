using ConnectorHub.Sdk.Testing.Emulators;
using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;
using ConnectorHub.Sandbox.HubSpot.Search;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary>
/// <c>POST /crm/v3/objects/{type}/search</c>: filters, sorts, <c>total</c>, offset paging, and a 400 for any page
/// starting at or past the result cap (10,000 by default), as HubSpot does.
/// </summary>
internal static class SearchEndpoint
{
    public static async Task HandleAsync(HttpContext context, HubSpotEmulator emulator, HubSpotObjectStore store)
    {
        if (await HubSpotResponses.ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        var (request, error) = SearchRequest.Parse(body, store.Type, emulator.Options);
        if (request is null)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation(error!));
            return;
        }

        var cap = emulator.Options.SearchResultCap;
        if (request.After >= cap)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation(
                $"The search endpoints are limited to {cap.ToString("N0", CultureInfo.InvariantCulture)} total results for any given query; after={request.After} pages beyond them. Narrow the query with filters instead."));
            return;
        }

        var capped = request with { Limit = Math.Min(request.Limit, cap - request.After) };
        var result = SearchExecutor.Execute(store, capped);
        var properties = ObjectJson.ResolveProperties(store.Type, request.Properties);
        var next = NextCursor(emulator.Paging, request, result);
        await HubSpotResponses.WriteAsync(context, 200, writer => ObjectJson.WritePage(writer, context.Request, store.Type, result.Page, properties, next, result.Total));
    }

    private static string? NextCursor(PagingMisbehaviour paging, SearchRequest request, SearchExecutor.Result result)
    {
        var natural = request.After + result.Page.Count;
        return paging switch
        {
            PagingMisbehaviour.RepeatCursor when request.After > 0 => request.After.ToString(CultureInfo.InvariantCulture),
            PagingMisbehaviour.EndlessEmptyPages => (request.After + request.Limit).ToString(CultureInfo.InvariantCulture),
            _ => natural < result.Total ? natural.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
