using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>An emulated Mailchimp list (audience): its merge fields and members, keyed by subscriber hash.</summary>
public sealed class MailchimpList
{
    private readonly Dictionary<string, MailchimpMember> _members = new(StringComparer.Ordinal);

    internal MailchimpList(string id, string name, IReadOnlyList<MergeField> mergeFields, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        MergeFields = mergeFields;
        CreatedAt = createdAt;
    }

    /// <summary>The list id (10 hex characters).</summary>
    public string Id { get; }

    /// <summary>The list name.</summary>
    public string Name { get; }

    /// <summary>The list's merge fields.</summary>
    public IReadOnlyList<MergeField> MergeFields { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

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

    internal JsonObject ToJson()
    {
        lock (Gate)
        {
            int Count(string status) => _members.Values.Count(m => m.Status == status);
            return new JsonObject
            {
                ["id"] = Id,
                ["web_id"] = Convert.ToInt32(Id[..5], 16),
                ["name"] = Name,
                ["date_created"] = CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
                ["email_type_option"] = false,
                ["stats"] = new JsonObject
                {
                    ["member_count"] = Count("subscribed"),
                    ["unsubscribe_count"] = Count("unsubscribed"),
                    ["cleaned_count"] = Count("cleaned"),
                    ["total_contacts"] = _members.Values.Count(m => m.Status != "archived"),
                },
            };
        }
    }
}
