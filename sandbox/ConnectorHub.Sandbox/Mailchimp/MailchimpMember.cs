using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>One member of an emulated list, as the emulator stores it.</summary>
public sealed class MailchimpMember
{
    internal MailchimpMember(string email, string status, DateTimeOffset now)
    {
        Email = email;
        Status = status;
        SignedUpAt = now;
        LastChanged = now;
    }

    /// <summary>The subscriber hash (the member's id).</summary>
    public string Id => SubscriberHash.Of(Email);

    /// <summary>The email address as last sent.</summary>
    public string Email { get; internal set; }

    /// <summary>subscribed, unsubscribed, cleaned, pending, transactional or archived.</summary>
    public string Status { get; internal set; }

    /// <summary>Merge field values by tag.</summary>
    public Dictionary<string, JsonNode?> MergeFields { get; } = new(StringComparer.Ordinal);

    /// <summary>Active tags (names are case-insensitive).</summary>
    public HashSet<string> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the member was first added.</summary>
    public DateTimeOffset SignedUpAt { get; }

    /// <summary>When the member last changed.</summary>
    public DateTimeOffset LastChanged { get; internal set; }

    /// <summary>The member object Mailchimp answers.</summary>
    public JsonObject ToJson(string listId) => new()
    {
        ["id"] = Id,
        ["email_address"] = Email,
        ["unique_email_id"] = Id[..10],
        ["full_name"] = $"{MergeFields.GetValueOrDefault("FNAME")} {MergeFields.GetValueOrDefault("LNAME")}".Trim(),
        ["email_type"] = "html",
        ["status"] = Status,
        ["merge_fields"] = new JsonObject(MergeFields.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        ["timestamp_signup"] = SignedUpAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
        ["last_changed"] = LastChanged.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
        ["list_id"] = listId,
        ["tags_count"] = Tags.Count,
        ["tags"] = new JsonArray(Tags.Order(StringComparer.OrdinalIgnoreCase).Select((t, i) => (JsonNode)new JsonObject { ["id"] = i + 1, ["name"] = t }).ToArray()),
    };
}
