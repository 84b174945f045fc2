using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>
/// Reads one Segment call with Segment's field names and rules: every call needs <c>userId</c> or <c>anonymousId</c>;
/// track needs <c>event</c>, group <c>groupId</c>, alias <c>previousId</c> and <c>userId</c>. A missing
/// <c>messageId</c> is generated; a missing <c>timestamp</c> is the arrival time; with <c>sentAt</c> the timestamp is
/// corrected for the client's clock: <c>timestamp = receivedAt − (sentAt − timestamp)</c>. The top-level
/// <c>category</c> and <c>name</c> of page and screen calls (as older clients send them) join the properties, and
/// <c>integrations</c> is kept. Ids, names and traits must fit what the stores index (<see cref="StorableText"/>).
/// </summary>
public static class MessageReader
{
    /// <summary>The message, or why it is rejected (the text names the field and the fix).</summary>
    /// <param name="item">The call's JSON.</param>
    /// <param name="type">The type given by the endpoint (<c>/v1/track</c>), or null to read it from <c>type</c> (batch).</param>
    /// <param name="batchContext">The batch's <c>context</c>, merged under the item's own.</param>
    /// <param name="batchSentAt">The batch's <c>sentAt</c>, used when the item has none.</param>
    /// <param name="receivedAt">When the hub received the request.</param>
    /// <param name="path">The item's JSON path in the request (<c>$</c> for a single call, <c>$.batch[3]</c> in a batch), for messages.</param>
    public static (TrackingMessage? Message, string? Error) Read(
        JsonObject item, string? type, JsonObject? batchContext, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(item);
        type ??= Text(item["type"]);
        if (type is null || !MessageTypes.All.Contains(type))
        {
            return (null, $"'type' must be one of {string.Join(", ", MessageTypes.All)}{(type is null ? string.Empty : $" (not '{type}')")}.");
        }

        var userError = Id(item, "userId", path, out var userId);
        var anonymousError = Id(item, "anonymousId", path, out var anonymousId);
        var messageIdError = StorableText.TooLong($"{path}.messageId", Text(item["messageId"]), StorableText.MaxIdBytes, "message ids are indexed to store each event once");
        var idError = userError ?? anonymousError ?? messageIdError;
        if (idError is not null)
        {
            return (null, idError);
        }

        if (userId is null && anonymousId is null)
        {
            return (null, $"{type} needs 'userId' or 'anonymousId'.");
        }

        string?[] shapeErrors =
        [
            Object(item, "properties", out var properties), Object(item, "traits", out var traits), Object(item, "context", out var context),
            Object(item, "integrations", out var integrations), Time(item, "timestamp", out var timestamp), Time(item, "sentAt", out var sentAt),
        ];
        var shapeError = shapeErrors.FirstOrDefault(e => e is not null);
        if (shapeError is not null)
        {
            return (null, shapeError);
        }

        // Older clients put identify traits in context.traits.
        traits ??= type == MessageTypes.Identify ? context?["traits"] as JsonObject : null;
        var (name, groupId, previousId, callError) = CallFields(item, type, traits, userId, path);
        if (callError is not null)
        {
            return (null, callError);
        }

        var storableError = (type == MessageTypes.Identify && traits is not null ? StorableText.TraitsError(traits, path + ".traits") : null)
            ?? StorableText.ExternalIdsError(context, path);
        var (corrected, skewError) = ClockSkew.Correct(timestamp, sentAt ?? batchSentAt, receivedAt, path);
        if ((storableError ?? skewError) is { } error)
        {
            return (null, error);
        }

        var messageId = Text(item["messageId"]);
        return (new TrackingMessage
        {
            Type = type,
            MessageId = string.IsNullOrWhiteSpace(messageId) ? "hub-" + Guid.NewGuid().ToString("N") : messageId,
            UserId = userId,
            AnonymousId = anonymousId,
            Name = name,
            GroupId = groupId,
            PreviousId = previousId,
            Properties = type is MessageTypes.Page or MessageTypes.Screen ? ViewProperties(properties, item, name) : properties,
            Traits = traits,
            Context = ContextMerge.Merge(batchContext, context),
            Integrations = integrations,
            Timestamp = corrected!.Value,
            SentAt = sentAt ?? batchSentAt,
            ReceivedAt = receivedAt,
        }, null);
    }

    /// <summary>The name (track event, page or screen name), group id and previous id the call's type requires.</summary>
    private static (string? Name, string? GroupId, string? PreviousId, string? Error) CallFields(JsonObject item, string type, JsonObject? traits, string? userId, string path)
    {
        string? groupId = null, previousId = null;
        switch (type)
        {
            case MessageTypes.Track:
                var name = Text(item["event"]);
                return string.IsNullOrWhiteSpace(name)
                    ? (null, null, null, "track needs 'event' (the event's name, a non-empty string).")
                    : (name, null, null, StorableText.TooLong($"{path}.event", name, StorableText.MaxNameBytes, "event names are indexed"));
            case MessageTypes.Page or MessageTypes.Screen:
                var viewName = Text(item["name"]);
                return (viewName, null, null, StorableText.TooLong($"{path}.name", viewName, StorableText.MaxNameBytes, "page and screen names are indexed"));
            case MessageTypes.Group:
                if (Id(item, "groupId", path, out groupId) is { } groupError)
                {
                    return (null, null, null, groupError);
                }

                var website = Text(traits?["website"]) ?? Text(traits?["domain"]);
                return groupId is null
                    ? (null, null, null, "group needs 'groupId' (a non-empty string or number).")
                    : (null, groupId, null, StorableText.TooLong($"{path}.traits.website", website, StorableText.MaxIdBytes, "account domains are indexed"));
            case MessageTypes.Alias:
                if (Id(item, "previousId", path, out previousId) is { } previousError)
                {
                    return (null, null, null, previousError);
                }

                return previousId is null || userId is null
                    ? (null, null, null, "alias needs 'previousId' and 'userId' (non-empty strings or numbers).")
                    : (null, null, previousId, null);
            default:
                return (null, null, null, null);
        }
    }

    /// <summary>
    /// A page or screen call's properties with its top-level <c>name</c> and <c>category</c> (older clients send them
    /// there) added, as Segment's libraries merge them; the call's own properties win.
    /// </summary>
    private static JsonObject? ViewProperties(JsonObject? properties, JsonObject item, string? name)
    {
        var category = item["category"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
        if (category is null && name is null)
        {
            return properties;
        }

        var merged = properties is null ? [] : (JsonObject)properties.DeepClone();
        if (category is not null && !merged.ContainsKey("category"))
        {
            merged["category"] = category;
        }

        if (name is not null && !merged.ContainsKey("name"))
        {
            merged["name"] = name;
        }

        return merged;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? Id(JsonObject item, string field, string path, out string? id)
    {
        id = null;
        switch (item[field])
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                id = string.IsNullOrWhiteSpace(text) ? null : text;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                id = value.ToJsonString();
                break;
            default:
                return $"'{field}' must be a string or a number.";
        }

        return StorableText.TooLong($"'{field}' ({path}.{field})", id, StorableText.MaxIdBytes, "ids are indexed");
    }

    private static string? Object(JsonObject item, string field, out JsonObject? result)
    {
        result = null;
        switch (item[field])
        {
            case null:
                return null;
            case JsonObject found:
                result = found;
                return null;
            default:
                return $"'{field}' must be an object.";
        }
    }

    private static string? Time(JsonObject item, string field, out DateTimeOffset? time)
    {
        time = null;
        var node = item[field];
        if (node is null)
        {
            return null;
        }

        if (Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return null;
        }

        return $"'{field}' must be an ISO-8601 date and time, such as 2026-11-22T10:00:00.000Z.";
    }
}
