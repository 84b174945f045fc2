using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// Reads a receiver's 2xx answer. A body <c>{"results":[{"key","status","reason"}]}</c> gives per-record outcomes
/// (status <c>accepted</c>, <c>rejected</c> or <c>retry</c>); records it does not list, and every record when the
/// body has no results, are accepted: the 2xx acknowledges them.
/// </summary>
internal static class ReceiverResults
{
    /// <summary>One result per record of <paramref name="records"/>, in order.</summary>
    public static IReadOnlyList<RecordResult> Read(string body, IReadOnlyList<DestinationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var listed = Listed(body);
        return records
            .Select(record => listed.GetValueOrDefault(record.Key) ?? RecordResult.Accepted(record.Key))
            .ToArray();
    }

    private static Dictionary<string, RecordResult> Listed(string body)
    {
        var listed = new Dictionary<string, RecordResult>(StringComparer.Ordinal);
        JsonArray? results;
        try
        {
            results = string.IsNullOrWhiteSpace(body) ? null : (JsonNode.Parse(body) as JsonObject)?["results"] as JsonArray;
        }
        catch (JsonException)
        {
            return listed;
        }

        foreach (var entry in results ?? [])
        {
            if (entry is JsonObject item && Text(item["key"]) is { } key)
            {
                listed[key] = ToResult(key, Text(item["status"]), Text(item["reason"]));
            }
        }

        return listed;
    }

    private static RecordResult ToResult(string key, string? status, string? reason) => status?.ToLowerInvariant() switch
    {
        "accepted" => RecordResult.Accepted(key),
        "rejected" => RecordResult.Rejected(key, reason ?? "The receiver rejected the record without a reason."),
        "retry" => RecordResult.Retry(key, reason ?? "The receiver asked to send the record again later."),
        _ => RecordResult.Retry(key, $"The receiver answered the unknown status '{status}' for this record (expected accepted, rejected or retry); it will be sent again."),
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
