using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Destinations.Batching;

/// <summary>Options of <see cref="RecordBatcher{T}"/>: the platform's limits on one request.</summary>
public sealed record RecordBatchingOptions
{
    /// <summary>The most items in one request (Meta: 10,000 rows; Mailchimp: 500 members).</summary>
    public required int MaxCount { get; init; }

    /// <summary>The most bytes of payload in one request, counted as the items' UTF-8 JSON; null for no byte limit.</summary>
    public long? MaxBytes { get; init; }
}

/// <summary>
/// Splits a batch into the platform's requests by count and by bytes, keeping the order (two writes to one record
/// stay in order). An item larger than the byte limit on its own is reported, not sent: the platform would refuse the
/// whole request.
/// </summary>
/// <typeparam name="T">What is sent per record (a prepared body, a hashed row).</typeparam>
public sealed class RecordBatcher<T>(RecordBatchingOptions options, Func<T, JsonNode> payload)
{
    /// <summary>The requests to send and the items too large for any request.</summary>
    public (IReadOnlyList<IReadOnlyList<T>> Requests, IReadOnlyList<T> TooLarge) Split(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (options.MaxCount < 1)
        {
            throw new ArgumentException("A request holds at least one record: MaxCount must be 1 or more.", nameof(items));
        }

        var requests = new List<IReadOnlyList<T>>();
        var tooLarge = new List<T>();
        var current = new List<T>();
        long bytes = 0;
        foreach (var item in items)
        {
            var size = options.MaxBytes is null ? 0 : Encoding.UTF8.GetByteCount(payload(item).ToJsonString()) + 1; // + a separator
            if (options.MaxBytes is { } max && size > max)
            {
                tooLarge.Add(item);
                continue;
            }

            if (current.Count == options.MaxCount || (options.MaxBytes is { } limit && bytes + size > limit))
            {
                requests.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(item);
            bytes += size;
        }

        if (current.Count > 0)
        {
            requests.Add(current);
        }

        return (requests, tooLarge);
    }
}
