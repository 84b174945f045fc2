using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// The deterministic id of a batch: a SHA-256 over the stream and each record's key, operation and data, in order.
/// A retried or replayed batch gets the same id (and <c>Idempotency-Key</c>), so the receiver can recognise it; a
/// batch whose data changed gets another one, so a newer version of a record is never dropped as a duplicate.
/// </summary>
internal static class BatchId
{
    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("connectorhub.webhook.batch.v1");

    /// <summary>The id of <paramref name="records"/> of <paramref name="stream"/>: 32 lower-case hex characters.</summary>
    public static string For(string stream, IReadOnlyList<DestinationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Domain);
        Append(hash, Encoding.UTF8.GetBytes(stream));
        foreach (var record in records)
        {
            Append(hash, Encoding.UTF8.GetBytes(record.Key));
            Append(hash, Encoding.UTF8.GetBytes(OperationNames.Of(record.Operation)));
            Append(hash, Encoding.UTF8.GetBytes(record.Data.ToJsonString()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    // Each part is length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
    private static void Append(IncrementalHash hash, byte[] part)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }
}
