using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.HubSpot.Http;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Reading;

/// <summary>
/// A full refresh through the list endpoint in id order. After each page the state holds the next <c>after</c>
/// cursor, so an interrupted refresh resumes there; the last state is empty, so the next refresh starts over.
/// </summary>
internal static class FullRefreshReader
{
    private const string AfterKey = "after";

    public static async IAsyncEnumerable<SourceMessage> ReadAsync(HubSpotApi api, CrmStream stream, JsonNode? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = state?[AfterKey]?.ToString();
        var guard = new PagingGuard(stream.Name, "list endpoint", api.Settings.MaxPages);
        while (true)
        {
            var page = CrmPage.From(await api.ListAsync(stream, after, api.Settings.PageSize, cancellationToken), stream.Name);
            foreach (var item in page.Results)
            {
                yield return new RecordMessage(stream.Name, item);
            }

            guard.Check(after, page.Next, page.Results.Count);
            if (page.Next is null)
            {
                yield return new StateMessage(stream.Name, new JsonObject());
                yield break;
            }

            after = page.Next;
            yield return new StateMessage(stream.Name, new JsonObject { [AfterKey] = after });
        }
    }
}
