using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// One request's worth of records, serialized once. The body of each attempt is
/// <c>{"stream","batch_id","sent_at","records":[{"key","operation","data"}]}</c>, with the attempt's time.
/// </summary>
internal sealed class WebhookBatch
{
    private readonly byte[] _records;

    private WebhookBatch(string stream, string id, IReadOnlyList<DestinationRecord> records, byte[] recordsJson)
    {
        Stream = stream;
        Id = id;
        Records = records;
        _records = recordsJson;
    }

    /// <summary>The stream the records belong to.</summary>
    public string Stream { get; }

    /// <summary>The deterministic batch id, also sent as the <c>Idempotency-Key</c>.</summary>
    public string Id { get; }

    /// <summary>The batch's records.</summary>
    public IReadOnlyList<DestinationRecord> Records { get; }

    /// <summary>Serializes <paramref name="records"/> of <paramref name="stream"/>.</summary>
    public static WebhookBatch Create(string stream, IReadOnlyList<DestinationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var record in records)
            {
                json.WriteStartObject();
                json.WriteString("key", record.Key);
                json.WriteString("operation", OperationNames.Of(record.Operation));
                json.WritePropertyName("data");
                record.Data.WriteTo(json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return new WebhookBatch(stream, BatchId.For(stream, records), records, buffer.WrittenSpan.ToArray());
    }

    /// <summary>The UTF-8 body of an attempt sent at <paramref name="sentAt"/>.</summary>
    public byte[] Body(DateTimeOffset sentAt)
    {
        var buffer = new ArrayBufferWriter<byte>(_records.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("stream", Stream);
            json.WriteString("batch_id", Id);
            json.WriteString("sent_at", sentAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WritePropertyName("records");
            json.WriteRawValue(_records, skipInputValidation: true);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
