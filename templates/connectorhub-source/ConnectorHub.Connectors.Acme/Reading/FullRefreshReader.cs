using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Connectors.Acme.Streams;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Acme.Reading;

/// <summary>
/// A full refresh: every contact, page by page. After each page the state holds the next page's cursor, so a run
/// that dies resumes at that page instead of starting over; the last state is empty, so the next refresh starts over.
/// </summary>
internal static class FullRefreshReader
{
    private const string CursorKey = "cursor";

    public static async IAsyncEnumerable<SourceMessage> ReadAsync(AcmeApi api, JsonNode? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = state?[CursorKey]?.ToString();
        var guard = new PagingGuard(ContactsStream.Name, api.Settings.MaxPages);
        while (true)
        {
            var page = await api.ListContactsAsync(updatedSince: null, cursor, api.Settings.PageSize, cancellationToken);
            foreach (var contact in page.Contacts)
            {
                yield return new RecordMessage(ContactsStream.Name, contact);
            }

            guard.Check(cursor, page.NextCursor, page.Contacts.Count);
            if (page.NextCursor is null)
            {
                yield return new StateMessage(ContactsStream.Name, new JsonObject());
                yield break;
            }

            // Safe to resume from: every record before the next page has been emitted above.
            cursor = page.NextCursor;
            yield return new StateMessage(ContactsStream.Name, new JsonObject { [CursorKey] = cursor });
        }
    }
}
