using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Acme.Writing;

/// <summary>
/// Turns a hub record into the contact Acme's upsert takes. A record that cannot become one is rejected here,
/// with the reason, before anything is sent; the platform judges the rest (an email it finds invalid, say).
/// </summary>
internal static class ContactBody
{
    public static bool TryCreate(DestinationRecord record, out JsonObject body, out string problem)
    {
        body = [];
        problem = string.Empty;
        if (record.Operation != RecordOperation.Upsert)
        {
            problem = $"The Acme destination only upserts contacts; it cannot {record.Operation} one.";
            return false;
        }

        AudienceMember member;
        try
        {
            member = AudienceMember.FromJson(record.Data);
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
            return false;
        }

        if (member.Email.Count == 0)
        {
            problem = "The profile has no email address, which Acme needs to identify a contact.";
            return false;
        }

        body = new JsonObject
        {
            // The hub's stable record key is Acme's external id: a replay updates the same contact.
            ["external_id"] = record.Key,
            ["email"] = member.Email[0],
            ["first_name"] = member.FirstName,
            ["last_name"] = member.LastName,
            ["phone"] = member.Phone.Count > 0 ? member.Phone[0] : null,
            ["tags"] = new JsonArray(member.Tags.Select(t => (JsonNode)t).ToArray()),
        };
        return true;
    }
}
