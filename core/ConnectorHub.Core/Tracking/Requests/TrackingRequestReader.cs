using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>
/// Reads a tracking request body: a single call (<c>/v1/track</c>...) or a batch (<c>/v1/batch</c>, also accepted as
/// <c>/v1/import</c>). The body must be JSON within the request limit; each event must fit the event limit. Invalid
/// events are listed, not stored; the rest go on.
/// </summary>
public static class TrackingRequestReader
{
    /// <summary>Reads <paramref name="body"/>; throws <see cref="TrackingRequestException"/> when it is refused as a whole.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="type">The endpoint's call type, or null for a batch.</param>
    /// <param name="receivedAt">When the request arrived.</param>
    /// <param name="options">The limits.</param>
    public static TrackingRequest Read(ReadOnlyMemory<byte> body, string? type, DateTimeOffset receivedAt, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (body.Length > options.MaxRequestBytes)
        {
            throw TooLarge(body.Length, options.MaxRequestBytes, "request");
        }

        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            var position = JsonErrorLocator.Locate(body.Span) ?? new JsonErrorPosition((ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0, "$", ex.Message);
            throw new TrackingRequestException(400, string.Create(CultureInfo.InvariantCulture,
                $"The body is not valid JSON: {position.Message} (line {position.Line}, byte {position.BytePositionInLine} of the line, at {position.Path})."), position);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TrackingRequestException(400, $"The body must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var writeKey = root.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        var messages = new List<TrackingMessage>();
        var rejected = new List<RejectedMessage>();
        if (type is not null)
        {
            if (body.Length > options.MaxEventBytes)
            {
                throw TooLarge(body.Length, options.MaxEventBytes, "event");
            }

            Add(JsonObject.Create(root)!, 0, type, null, null);
            return new TrackingRequest(writeKey, messages, rejected);
        }

        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            throw new TrackingRequestException(400, "A batch request needs 'batch': an array of calls, each with its 'type' ({\"batch\":[{\"type\":\"track\",...}]}).");
        }

        var batchContext = root.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? JsonObject.Create(context) : null;
        DateTimeOffset? batchSentAt = root.TryGetProperty("sentAt", out var sent) && sent.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(sent.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedSent) ? parsedSent : null;
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            var size = JsonMarshal.GetRawUtf8Value(item).Length;
            if (item.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new RejectedMessage(index, null, $"batch[{index}] must be an object (a call), not {item.ValueKind.ToString().ToLowerInvariant()}."));
            }
            else if (size > options.MaxEventBytes)
            {
                rejected.Add(new RejectedMessage(index, MessageIdOf(item), string.Create(CultureInfo.InvariantCulture,
                    $"The event is {size} bytes; the limit is {options.MaxEventBytes} bytes per event. Send smaller properties or traits.")));
            }
            else
            {
                Add(JsonObject.Create(item)!, index, null, batchContext, batchSentAt);
            }

            index++;
        }

        return new TrackingRequest(writeKey, messages, rejected);

        void Add(JsonObject item, int at, string? itemType, JsonObject? itemBatchContext, DateTimeOffset? itemBatchSentAt)
        {
            var (message, error) = MessageReader.Read(item, itemType, itemBatchContext, itemBatchSentAt, receivedAt);
            if (message is null)
            {
                rejected.Add(new RejectedMessage(at, item["messageId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null, error!));
            }
            else
            {
                messages.Add(message);
            }
        }
    }

    private static string? MessageIdOf(JsonElement item) =>
        item.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static TrackingRequestException TooLarge(int size, int limit, string what) =>
        new(413, string.Create(CultureInfo.InvariantCulture,
            $"The {what} is {size} bytes; the limit is {limit} bytes per {what}{(what == "request" ? " (send smaller batches)" : " (send smaller properties or traits)")}."));
}
