using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>
/// Reads a tracking request body: a single call (<c>/v1/track</c>...) or a batch (<c>/v1/batch</c>, also accepted as
/// <c>/v1/import</c>). The body must be JSON within the request limit; each event must fit the event limit and pass
/// <see cref="JsonContentCheck"/>. Invalid events are listed with their index and reason, not stored; the rest go on.
/// What is wrong outside the events (in a batch's envelope) refuses the request (400), saying where.
/// </summary>
public static class TrackingRequestReader
{
    /// <summary>Reads <paramref name="body"/>; throws <see cref="TrackingRequestException"/> when it is refused as a whole.</summary>
    /// <param name="body">The request body (inflated, when it was compressed).</param>
    /// <param name="type">The endpoint's call type, or null for a batch.</param>
    /// <param name="receivedAt">When the request arrived.</param>
    /// <param name="options">The limits.</param>
    public static TrackingRequest Read(ReadOnlyMemory<byte> body, string? type, DateTimeOffset receivedAt, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (body.Length > options.MaxRequestBytes)
        {
            throw TrackingBodyReader.TooLarge(options.MaxRequestBytes, null, body.Length);
        }

        var root = Parse(body.Span);
        var messages = new List<TrackingMessage>();
        var rejected = new List<RejectedMessage>();
        if (type is not null)
        {
            if (body.Length > options.MaxEventBytes)
            {
                throw new TrackingRequestException(400, string.Create(CultureInfo.InvariantCulture,
                    $"The event is {body.Length} bytes; the limit is {options.MaxEventBytes} bytes per event (send smaller properties or traits)."));
            }

            Add(root, body.Span, 0, "$", type, null, null);
            return new TrackingRequest(SafeString(root, "writeKey"), messages, rejected);
        }

        if (JsonContentCheck.FirstProblem(body.Span, "$", skipRootProperty: "batch") is { } problem)
        {
            var (line, position) = JsonErrorLocator.LineOf(body.Span, problem.Offset);
            throw new TrackingRequestException(400, string.Create(CultureInfo.InvariantCulture,
                $"{problem.Reason} (line {line}, byte {position} of the line)."), new JsonErrorPosition(line, position, problem.Path, problem.Reason));
        }

        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            throw new TrackingRequestException(400, "A batch request needs 'batch': an array of calls, each with its 'type' ({\"batch\":[{\"type\":\"track\",...}]}).");
        }

        var batchContext = root.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? JsonObject.Create(context) : null;
        DateTimeOffset? batchSentAt = SafeString(root, "sentAt") is { } sent
            && DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedSent) ? parsedSent : null;
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            var raw = JsonMarshal.GetRawUtf8Value(item);
            var path = string.Create(CultureInfo.InvariantCulture, $"$.batch[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new RejectedMessage(index, null, $"batch[{index}] must be an object (a call), not {item.ValueKind.ToString().ToLowerInvariant()}."));
            }
            else if (raw.Length > options.MaxEventBytes)
            {
                rejected.Add(new RejectedMessage(index, SafeString(item, "messageId"), string.Create(CultureInfo.InvariantCulture,
                    $"The event is {raw.Length} bytes; the limit is {options.MaxEventBytes} bytes per event. Send smaller properties or traits.")));
            }
            else
            {
                Add(item, raw, index, path, null, batchContext, batchSentAt);
            }

            index++;
        }

        return new TrackingRequest(SafeString(root, "writeKey"), messages, rejected);

        void Add(JsonElement item, ReadOnlySpan<byte> raw, int at, string path, string? itemType, JsonObject? itemBatchContext, DateTimeOffset? itemBatchSentAt)
        {
            if (JsonContentCheck.FirstProblem(raw, path) is { } itemProblem)
            {
                rejected.Add(new RejectedMessage(at, SafeString(item, "messageId"), itemProblem.Reason));
                return;
            }

            var (message, error) = MessageReader.Read(JsonObject.Create(item)!, itemType, itemBatchContext, itemBatchSentAt, receivedAt, path);
            if (message is null)
            {
                rejected.Add(new RejectedMessage(at, SafeString(item, "messageId"), error!));
            }
            else
            {
                messages.Add(message with { Index = at });
            }
        }
    }

    private static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            var position = JsonErrorLocator.Locate(body) ?? new JsonErrorPosition((ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0, "$", ex.Message);
            throw new TrackingRequestException(400, string.Create(CultureInfo.InvariantCulture,
                $"The body is not valid JSON: {position.Message} (line {position.Line}, byte {position.BytePositionInLine} of the line, at {position.Path})."), position);
        }

        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new TrackingRequestException(400, $"The body must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}.");
    }

    /// <summary>A string property of an object, or null when it is missing, not a string, or not readable text.</summary>
    private static string? SafeString(JsonElement element, string name)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
