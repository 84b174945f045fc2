using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Configuration;

namespace ConnectorHub.Connectors.Mailchimp.Members;

/// <summary>
/// The member JSON for batch subscribe and PUT. A member whose email consent is <c>false</c> is written as
/// <c>unsubscribed</c>, whatever the sync's <c>status_if_new</c>: a withdrawal of consent always wins.
/// </summary>
internal sealed class MemberBody(ListSettings settings, MergeFieldMap mergeFields)
{
    /// <summary>The status a new member gets (and an existing one, when the sync updates statuses).</summary>
    public string Status(PreparedMember member) => member.Member.Consent?.Email == false ? "unsubscribed" : settings.StatusIfNew;

    /// <summary>The sync's tags plus the member's own.</summary>
    public IReadOnlyList<string> Tags(PreparedMember member) =>
        settings.Tags.Concat(member.Member.Tags).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>A member of a batch subscribe request.</summary>
    public JsonObject ForBatch(PreparedMember member)
    {
        var body = new JsonObject
        {
            ["email_address"] = member.Email,
            ["status"] = Status(member),
            ["merge_fields"] = mergeFields.Values(member.Member),
        };
        if (Tags(member) is { Count: > 0 } tags)
        {
            body["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        return body;
    }

    /// <summary>
    /// A PUT for an existing member: fields only, status left as it is (<c>status_if_new</c> only applies to new
    /// ones), except a withdrawal of email consent, which unsubscribes.
    /// </summary>
    public JsonObject ForUpdate(PreparedMember member)
    {
        var body = new JsonObject
        {
            ["email_address"] = member.Email,
            ["status_if_new"] = Status(member),
            ["merge_fields"] = mergeFields.Values(member.Member),
        };
        if (member.Member.Consent?.Email == false)
        {
            body["status"] = "unsubscribed";
        }

        return body;
    }

    /// <summary>A tags request setting <paramref name="tags"/> active or inactive.</summary>
    public static JsonObject TagChange(IEnumerable<string> tags, bool active) => new()
    {
        ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["status"] = active ? "active" : "inactive" }).ToArray()),
        ["is_syncing"] = false,
    };
}
