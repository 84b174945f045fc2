using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Acme.Writing;

/// <summary>A contact to send, with its record's position in the hub's batch.</summary>
internal sealed record PendingContact(int Index, string Key, JsonObject Body);

/// <summary>Splits the contacts of one hub batch into Acme's upsert requests.</summary>
internal static class UpsertRequests
{
    /// <summary>
    /// Consecutive contacts, at most <paramref name="max"/> per request; a second record with the same key starts a
    /// new request, so each result names one record and writes to one contact keep their order.
    /// </summary>
    public static IEnumerable<List<PendingContact>> Split(IEnumerable<PendingContact> contacts, int max)
    {
        var request = new List<PendingContact>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            if (request.Count == max || keys.Contains(contact.Key))
            {
                yield return request;
                request = [];
                keys.Clear();
            }

            request.Add(contact);
            keys.Add(contact.Key);
        }

        if (request.Count > 0)
        {
            yield return request;
        }
    }
}
