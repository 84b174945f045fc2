using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Streams;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Reading;

/// <summary>One page of <c>GET v1/contacts</c>: the contacts (each to be emitted as a record) and the next page's cursor.</summary>
internal sealed record ContactsPage(IReadOnlyList<JsonObject> Contacts, string? NextCursor)
{
    public static ContactsPage From(JsonNode? answer)
    {
        if (answer?["data"] is not JsonArray data)
        {
            throw new ConnectorInternalException($"Acme answered a page of stream '{ContactsStream.Name}' without a 'data' array.");
        }

        var contacts = data.OfType<JsonObject>().ToArray();
        data.Clear(); // Detaches the objects from the page, so each record owns its JSON.
        return new ContactsPage(contacts, answer["next_cursor"]?.ToString());
    }
}
