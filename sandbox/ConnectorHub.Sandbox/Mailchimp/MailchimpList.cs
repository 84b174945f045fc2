using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>An emulated Mailchimp list (audience): its merge fields and members, keyed by subscriber hash.</summary>
public sealed class MailchimpList
{
    private readonly Dictionary<string, MailchimpMember> _members = new(StringComparer.Ordinal);

    internal MailchimpList(string id, string name, IReadOnlyList<MergeField> mergeFields, DateTimeOffset createdAt, MailchimpListSettings settings)
    {
        Id = id;
        Name = name;
        MergeFields = mergeFields;
        CreatedAt = createdAt;
        Settings = settings;
    }

    /// <summary>The list id (10 hex characters).</summary>
    public string Id { get; }

    /// <summary>The list name.</summary>
    public string Name { get; }

    /// <summary>The list's merge fields.</summary>
    public IReadOnlyList<MergeField> MergeFields { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Its contact, permission reminder and campaign defaults.</summary>
    public MailchimpListSettings Settings { get; }

    /// <summary>The id the web app shows (the list's numeric id).</summary>
    public int WebId => Convert.ToInt32(Id[..5], 16);

    /// <summary>A snapshot of every member, archived ones included.</summary>
    public IReadOnlyList<MailchimpMember> Members
    {
        get
        {
            lock (Gate)
            {
                return _members.Values.ToList();
            }
        }
    }

    /// <summary>The member with <paramref name="email"/>, or null.</summary>
    public MailchimpMember? Member(string email)
    {
        lock (Gate)
        {
            return _members.GetValueOrDefault(SubscriberHash.Of(email));
        }
    }

    /// <summary>
    /// Changes a member's status as something outside the API would (the contact clicks unsubscribe, an email
    /// bounces and Mailchimp cleans them), for tests of how writes treat such members.
    /// </summary>
    public void SetStatus(string email, string status)
    {
        lock (Gate)
        {
            var member = _members.GetValueOrDefault(SubscriberHash.Of(email)) ?? throw new KeyNotFoundException($"{email} is not in list {Id}.");
            member.Status = status;
        }
    }

    internal object Gate { get; } = new();

    /// <summary>The member with <paramref name="hash"/>. Call under <see cref="Gate"/>.</summary>
    internal MailchimpMember? Find(string hash) => _members.GetValueOrDefault(hash);

    /// <summary>Stores a new member. Call under <see cref="Gate"/>.</summary>
    internal MailchimpMember Add(string email, string status, DateTimeOffset now) => _members[SubscriberHash.Of(email)] = new MailchimpMember(email, status, now);

    internal JsonObject ToJson(string dataCenter)
    {
        lock (Gate)
        {
            int Count(string status) => _members.Values.Count(m => m.Status == status);
            string LastChange(string status) => _members.Values.Where(m => m.Status == status).Select(m => (DateTimeOffset?)m.LastChanged).Max() is { } at ? MailchimpTime.Format(at) : string.Empty;
            var settings = Settings;
            return new JsonObject
            {
                ["id"] = Id,
                ["web_id"] = WebId,
                ["name"] = Name,
                ["contact"] = new JsonObject
                {
                    ["company"] = settings.Contact.Company, ["address1"] = settings.Contact.Address1, ["address2"] = settings.Contact.Address2, ["city"] = settings.Contact.City,
                    ["state"] = settings.Contact.State, ["zip"] = settings.Contact.Zip, ["country"] = settings.Contact.Country, ["phone"] = settings.Contact.Phone,
                },
                ["permission_reminder"] = settings.PermissionReminder,
                ["use_archive_bar"] = true,
                ["campaign_defaults"] = new JsonObject
                {
                    ["from_name"] = settings.CampaignDefaults.FromName, ["from_email"] = settings.CampaignDefaults.FromEmail,
                    ["subject"] = settings.CampaignDefaults.Subject, ["language"] = settings.CampaignDefaults.Language,
                },
                ["notify_on_subscribe"] = string.Empty,
                ["notify_on_unsubscribe"] = string.Empty,
                ["date_created"] = MailchimpTime.Format(CreatedAt),
                ["list_rating"] = 0,
                ["email_type_option"] = false,
                ["subscribe_url_short"] = $"http://eepurl.com/{Id[..6]}",
                ["subscribe_url_long"] = $"https://sandbox.{dataCenter}.list-manage.com/subscribe?u=0123456789abcdef0123456789&id={Id}",
                ["beamer_address"] = $"us-{Id}@inbound.mailchimp.com",
                ["visibility"] = settings.Visibility,
                ["double_optin"] = settings.DoubleOptin,
                ["has_welcome"] = false,
                ["marketing_permissions"] = settings.MarketingPermissions,
                ["modules"] = new JsonArray(),
                ["stats"] = new JsonObject
                {
                    ["member_count"] = Count("subscribed"),
                    ["total_contacts"] = _members.Values.Count(m => m.Status != "archived"),
                    ["unsubscribe_count"] = Count("unsubscribed"),
                    ["cleaned_count"] = Count("cleaned"),
                    ["member_count_since_send"] = Count("subscribed"),
                    ["unsubscribe_count_since_send"] = Count("unsubscribed"),
                    ["cleaned_count_since_send"] = Count("cleaned"),
                    ["campaign_count"] = 0,
                    ["campaign_last_sent"] = string.Empty,
                    ["merge_field_count"] = MergeFields.Count,
                    ["avg_sub_rate"] = 0,
                    ["avg_unsub_rate"] = 0,
                    ["target_sub_rate"] = 0,
                    ["open_rate"] = 0,
                    ["click_rate"] = 0,
                    ["last_sub_date"] = LastChange("subscribed"),
                    ["last_unsub_date"] = LastChange("unsubscribed"),
                },
                ["_links"] = MailchimpLinks.ForList(dataCenter, Id),
            };
        }
    }
}
