using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// Reads Meta's answer to a users request and attributes its <c>invalid_entry_samples</c> to records: a record
/// is rejected when every one of its rows holds a value Meta sampled as invalid. Meta samples at most 100
/// entries, so invalid entries beyond the samples cannot be attributed and are only counted.
/// </summary>
internal sealed record InvalidEntries(IReadOnlyDictionary<int, string> Rejected, int Unattributed, int Reported)
{
    public static InvalidEntries Attribute(JsonNode? response, IReadOnlyList<PreparedRecord> chunk)
    {
        var reported = response?["num_invalid_entries"] is JsonValue n && n.TryGetValue(out int count) ? count : 0;
        var samples = Samples(response?["invalid_entry_samples"]);
        var rejected = new Dictionary<int, string>();
        var invalidRows = 0;
        foreach (var record in chunk)
        {
            var bad = record.Rows.Select(row => row.FirstOrDefault(cell => samples.ContainsKey(cell.Value))).Where(cell => cell.Value is not null).ToList();
            invalidRows += bad.Count;
            if (bad.Count == record.Rows.Count)
            {
                var keys = string.Join(", ", bad.Select(cell => samples[cell.Value] ?? cell.Key).Distinct());
                rejected[record.Index] = $"Meta reported this member's {keys} value as an invalid entry; check the source value's format.";
            }
        }

        return new InvalidEntries(rejected, Math.Max(0, reported - invalidRows), reported);
    }

    /// <summary>The sampled values; Meta sends a map of value to key, or an array of values.</summary>
    private static Dictionary<string, string?> Samples(JsonNode? node) => node switch
    {
        JsonObject map => map.Where(p => p.Key.Length > 0).ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null, StringComparer.Ordinal),
        JsonArray list => list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal),
        _ => new Dictionary<string, string?>(StringComparer.Ordinal),
    };
}
