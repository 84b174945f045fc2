using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>
/// Reads one Segment call with Segment's field names and rules: every call needs <c>userId</c> or <c>anonymousId</c>;
/// track needs <c>event</c>, group <c>groupId</c>, alias <c>previousId</c> and <c>userId</c>. A missing
/// <c>messageId</c> is generated; a missing <c>timestamp</c> is the arrival time; with <c>sentAt</c> the timestamp is
/// corrected for the client's clock: <c>timestamp = receivedAt − (sentAt − timestamp)</c>.
/// </summary>
public static class MessageReader
{
    /// <summary>The message, or why it is rejected (the text names the field and the fix).</summary>
    /// <param name="item">The call's JSON.</param>
    /// <param name="type">The type given by the endpoint (<c>/v1/track</c>), or null to read it from <c>type</c> (batch).</param>
    /// <param name="batchContext">The batch's <c>context</c>, merged under the item's own.</param>
    /// <param name="batchSentAt">The batch's <c>sentAt</c>, used when the item has none.</param>
    /// <param name="receivedAt">When the hub received the request.</param>
    public static (TrackingMessage? Message, string? Error) Read(JsonObject item, string? type, JsonObject? batchContext, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(item);
        type ??= Text(item["type"]);
        if (type is null || !MessageTypes.All.Contains(type))
        {
            return (null, $"'type' must be one of {string.Join(", ", MessageTypes.All)}{(type is null ? string.Empty : $" (not '{type}')")}.");
        }

        var userError = Id(item, "userId", out var userId);
        var anonymousError = Id(item, "anonymousId", out var anonymousId);
        var idError = userError ?? anonymousError;
        if (idError is not null)
        {
            return (null, idError);
        }

        if (userId is null && anonymousId is null)
        {
            return (null, $"{type} needs 'userId' or 'anonymousId'.");
        }

        string? name = null, groupId = null, previousId = null;
        switch (type)
        {
            case MessageTypes.Track:
                name = Text(item["event"]);
                if (string.IsNullOrWhiteSpace(name))
                {
                    return (null, "track needs 'event' (the event's name, a non-empty string).");
                }

                break;
            case MessageTypes.Page or MessageTypes.Screen:
                name = Text(item["name"]);
                break;
            case MessageTypes.Group:
                if (Id(item, "groupId", out groupId) is { } groupError || groupId is null)
                {
                    return (null, "group needs 'groupId' (a non-empty string or number).");
                }

                break;
            case MessageTypes.Alias:
                if (Id(item, "previousId", out previousId) is { } previousError || previousId is null || userId is null)
                {
                    return (null, "alias needs 'previousId' and 'userId' (non-empty strings or numbers).");
                }

                break;
        }

        string?[] shapeErrors =
        [
            Object(item, "properties", out var properties), Object(item, "traits", out var traits), Object(item, "context", out var context),
            Time(item, "timestamp", out var timestamp), Time(item, "sentAt", out var sentAt),
        ];
        var shapeError = shapeErrors.FirstOrDefault(e => e is not null);
        if (shapeError is not null)
        {
            return (null, shapeError);
        }

        sentAt ??= batchSentAt;
        var corrected = timestamp is { } t ? (sentAt is { } s ? receivedAt - (s - t) : t) : receivedAt;
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
            Properties = properties,
            // Older clients put identify traits in context.traits.
            Traits = traits ?? (type == MessageTypes.Identify ? context?["traits"] as JsonObject : null),
            Context = ContextMerge.Merge(batchContext, context),
            Timestamp = corrected,
            SentAt = sentAt,
            ReceivedAt = receivedAt,
        }, null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? Id(JsonObject item, string field, out string? id)
    {
        id = null;
        switch (item[field])
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                id = string.IsNullOrWhiteSpace(text) ? null : text;
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                id = value.ToJsonString();
                return null;
            default:
                return $"'{field}' must be a string or a number.";
        }
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
