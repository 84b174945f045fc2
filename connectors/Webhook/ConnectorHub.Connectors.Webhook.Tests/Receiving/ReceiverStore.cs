using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Webhook.Tests.Receiving;

/// <summary>
/// What a well-behaved receiver keeps: the latest data of each record by stream and key (upserts and adds set it,
/// deletes and removes drop it), applying each batch id once, as the README asks receivers to. A record whose
/// <c>email</c> is not an address is refused with a reason, the way a real receiver validates what it gets.
/// </summary>
public sealed class ReceiverStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Stream, string Key), JsonNode?> _records = [];
    private readonly HashSet<string> _batches = new(StringComparer.Ordinal);

    /// <summary>How many records of <paramref name="stream"/> the receiver holds now.</summary>
    public int Count(string stream)
    {
        lock (_gate)
        {
            return _records.Keys.Count(k => k.Stream == stream);
        }
    }

    /// <summary>How many batches were applied (repeats of a batch id are not).</summary>
    public int AppliedBatches
    {
        get
        {
            lock (_gate)
            {
                return _batches.Count;
            }
        }
    }

    /// <summary>Applies a delivered batch once per batch id; returns the records refused, with their reasons.</summary>
    public IReadOnlyList<(string Key, string Reason)> Apply(JsonObject body)
    {
        var stream = body["stream"]!.GetValue<string>();
        var refused = new List<(string Key, string Reason)>();
        lock (_gate)
        {
            var fresh = _batches.Add(body["batch_id"]!.GetValue<string>());
            foreach (var record in body["records"]!.AsArray().OfType<JsonObject>())
            {
                var key = record["key"]!.GetValue<string>();
                if (Problem(record["data"]) is { } reason)
                {
                    refused.Add((key, reason));
                }
                else if (fresh && record["operation"]!.GetValue<string>() is "delete" or "remove")
                {
                    _records.Remove((stream, key));
                }
                else if (fresh)
                {
                    _records[(stream, key)] = record["data"]?.DeepClone();
                }
            }
        }

        return refused;
    }

    private static string? Problem(JsonNode? data) =>
        data?["email"] is JsonValue email && email.GetValueKind() == JsonValueKind.String && !email.GetValue<string>().Contains('@', StringComparison.Ordinal)
            ? $"'{email.GetValue<string>()}' is not an email address"
            : null;
}
