using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Connectors.Acme.Streams;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Acme.Reading;

/// <summary>
/// An incremental read: contacts updated at or after the cursor, oldest first, with a checkpoint after every page.
/// Acme orders contacts by <c>updated_at</c> then <c>id</c>, so after a page every contact older than the latest
/// <c>updated_at</c> emitted has been emitted, and the state says which ones at that instant were.
/// </summary>
internal static class IncrementalReader
{
    public static async IAsyncEnumerable<SourceMessage> ReadAsync(AcmeApi api, JsonNode? stateNode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = IncrementalState.From(stateNode);
        var since = state.UpdatedAt;
        var guard = new PagingGuard(ContactsStream.Name, api.Settings.MaxPages);
        string? cursor = null;
        while (true)
        {
            var page = await api.ListContactsAsync(since, cursor, api.Settings.PageSize, cancellationToken);
            foreach (var contact in page.Contacts)
            {
                if (!TryReadCursor(contact, out var id, out var updatedAt))
                {
                    // One bad record is set aside with the reason; the read goes on.
                    yield return new RecordRejectedMessage(ContactsStream.Name, "The contact has no id or no readable updated_at, so an incremental read cannot place it.", $"contact {contact["id"]}", contact.ToJsonString());
                    continue;
                }

                if (state.AlreadyEmitted(updatedAt, id))
                {
                    continue;
                }

                state.Emitted(updatedAt, id);
                yield return new RecordMessage(ContactsStream.Name, contact);
            }

            guard.Check(cursor, page.NextCursor, page.Contacts.Count);
            yield return new StateMessage(ContactsStream.Name, state.ToJson());
            if (page.NextCursor is null)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    private static bool TryReadCursor(JsonObject contact, out string id, out DateTimeOffset updatedAt)
    {
        id = contact["id"]?.ToString() ?? string.Empty;
        updatedAt = default;
        return id.Length > 0
            && DateTimeOffset.TryParse(contact["updated_at"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out updatedAt);
    }
}
