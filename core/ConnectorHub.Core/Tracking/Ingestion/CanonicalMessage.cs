using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// What one Segment call becomes in the hub: always an event (every call is kept on the timeline), and the person it is
/// about as a profile fragment. identify carries its traits, <c>context.externalIds</c> and the email trait as
/// identifiers; alias hands the resolver <c>previousId</c> to link with <c>userId</c> (as the user id or the anonymous
/// id it names); group links the person to an account and gives the profile the trait <c>group_id</c>.
/// </summary>
internal sealed record CanonicalMessage(CanonicalEvent Event, ProfileFragment Person, Account? Account, string? PreviousId, JsonObject? Integrations)
{
    public static CanonicalMessage From(TrackingMessage message, string source)
    {
        var identifiers = new List<Identifier>(4);
        if (message.UserId is { } userId)
        {
            identifiers.Add(new Identifier(IdentifierTypes.UserId, userId));
        }

        if (message.AnonymousId is { } anonymousId)
        {
            identifiers.Add(new Identifier(IdentifierTypes.AnonymousId, anonymousId));
        }

        identifiers.AddRange(ExternalIds(message.Context));
        ProfileTraits? traits = null;
        if (message.Type == MessageTypes.Identify && message.Traits is { } personTraits)
        {
            traits = Traits(personTraits);
            if (traits.Email is { Length: > 0 } email)
            {
                identifiers.Add(new Identifier(IdentifierTypes.Email, email));
            }
        }
        else if (message.Type == MessageTypes.Group)
        {
            traits = new ProfileTraits { Custom = new() { ["group_id"] = JsonSerializer.SerializeToElement(message.GroupId) } };
        }

        var person = new ProfileFragment { Source = source, RecordKey = message.MessageId, ObservedAt = message.Timestamp, Identifiers = identifiers, Traits = traits };
        var account = message.Type == MessageTypes.Group ? new Account
        {
            AccountId = message.GroupId!,
            Source = source,
            ObservedAt = message.Timestamp,
            Name = Text(message.Traits, "name"),
            Domain = Text(message.Traits, "website") is { } site ? Domain(site) : Text(message.Traits, "domain"),
            Industry = Text(message.Traits, "industry"),
            Traits = message.Traits,
        } : null;
        return new CanonicalMessage(ToEvent(message, source), person, account, message.Type == MessageTypes.Alias ? message.PreviousId : null, message.Integrations);
    }

    private static CanonicalEvent ToEvent(TrackingMessage message, string source) => new()
    {
        MessageId = message.MessageId,
        Type = message.Type,
        Name = message.Type == MessageTypes.Group ? message.GroupId : message.Name,
        Source = source,
        UserId = message.UserId,
        AnonymousId = message.AnonymousId,
        // identify and group keep their traits as the event's properties, alias its previous id.
        Properties = message.Type switch
        {
            MessageTypes.Identify or MessageTypes.Group => message.Traits,
            MessageTypes.Alias => new JsonObject { ["previousId"] = message.PreviousId },
            _ => message.Properties,
        },
        Context = message.Context,
        Timestamp = message.Timestamp,
        SentAt = message.SentAt,
        ReceivedAt = message.ReceivedAt,
    };

    private static IEnumerable<Identifier> ExternalIds(JsonObject? context)
    {
        if (context?["externalIds"] is not JsonArray ids)
        {
            yield break;
        }

        foreach (var entry in ids.OfType<JsonObject>())
        {
            var id = entry["id"] is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
            if (Text(entry, "type") is { Length: > 0 } type && !string.IsNullOrWhiteSpace(id))
            {
                yield return new Identifier(type, id);
            }
        }
    }

    private static ProfileTraits Traits(JsonObject traits)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "firstName", "first_name", "lastName", "last_name", "email", "phone", "title", "company" };
        var custom = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in traits)
        {
            if (value is not null && !(known.Contains(name) && value is JsonValue { } scalar && scalar.GetValueKind() == JsonValueKind.String))
            {
                custom[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        return new ProfileTraits
        {
            FirstName = Text(traits, "firstName") ?? Text(traits, "first_name"),
            LastName = Text(traits, "lastName") ?? Text(traits, "last_name"),
            Email = Text(traits, "email"),
            Phone = Text(traits, "phone"),
            Title = Text(traits, "title"),
            Company = Text(traits, "company"),
            Custom = custom.Count == 0 ? null : custom,
        };
    }

    private static string? Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static string Domain(string website) =>
        Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website, UriKind.Absolute, out var uri) ? uri.Host : website;
}
