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

    /// <summary><c>html</c> or <c>text</c>.</summary>
    public string EmailType { get; internal set; } = "html";

    /// <summary>The member's language (such as <c>fr</c>), or empty.</summary>
    public string Language { get; internal set; } = string.Empty;

    /// <summary>Whether the member is a VIP.</summary>
    public bool Vip { get; internal set; }

    /// <summary>The IP address the member signed up from, or empty.</summary>
    public string IpSignup { get; internal set; } = string.Empty;

    /// <summary>When the member signed up, as the sender said (not when the emulator stored them), or null.</summary>
    public DateTimeOffset? TimestampSignup { get; internal set; }

    /// <summary>The IP address the member confirmed the opt-in from, or empty.</summary>
    public string IpOpt { get; internal set; } = string.Empty;

    /// <summary>When the member opted in: as sent, else when they first became subscribed.</summary>
    public DateTimeOffset? TimestampOpt { get; internal set; }

    /// <summary>The member's location (latitude, longitude), when sent.</summary>
    public (double Latitude, double Longitude) Location { get; internal set; }

    /// <summary>The member object Mailchimp answers.</summary>
    public JsonObject ToJson(string listId, string dataCenter) => new()
    {
        ["id"] = Id,
        ["email_address"] = Email,
        ["unique_email_id"] = Id[..10],
        ["contact_id"] = SubscriberHash.Of(listId + ":" + Id),
        ["full_name"] = $"{MergeFields.GetValueOrDefault("FNAME")} {MergeFields.GetValueOrDefault("LNAME")}".Trim(),
        ["web_id"] = Convert.ToInt32(Id[..7], 16),
        ["email_type"] = EmailType,
        ["status"] = Status,
        ["consents_to_one_to_one_messaging"] = true,
        ["merge_fields"] = new JsonObject(MergeFields.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        ["interests"] = new JsonObject(),
        ["stats"] = new JsonObject { ["avg_open_rate"] = 0, ["avg_click_rate"] = 0 },
        ["ip_signup"] = IpSignup,
        ["timestamp_signup"] = TimestampSignup is { } signup ? MailchimpTime.Format(signup) : string.Empty,
        ["ip_opt"] = IpOpt,
        ["timestamp_opt"] = TimestampOpt is { } opt ? MailchimpTime.Format(opt) : string.Empty,
        ["member_rating"] = 2,
        ["last_changed"] = MailchimpTime.Format(LastChanged),
        ["language"] = Language,
        ["vip"] = Vip,
        ["email_client"] = string.Empty,
        ["location"] = new JsonObject
        {
            ["latitude"] = Location.Latitude, ["longitude"] = Location.Longitude, ["gmtoff"] = 0, ["dstoff"] = 0,
            ["country_code"] = string.Empty, ["timezone"] = string.Empty, ["region"] = string.Empty,
        },
        ["marketing_permissions"] = new JsonArray(),
        ["source"] = "API - Generic",
        ["tags_count"] = Tags.Count,
        ["tags"] = new JsonArray(Tags.Order(StringComparer.OrdinalIgnoreCase).Select((t, i) => (JsonNode)new JsonObject { ["id"] = i + 1, ["name"] = t }).ToArray()),
        ["list_id"] = listId,
        ["_links"] = MailchimpLinks.ForMember(dataCenter, listId, Id),
    };
}
