using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// A record's stable key: its primary key values, or a hash of its content when the stream has none. Replays and
/// re-read boundary records get the same key, so upserts keyed by it never create duplicates.
/// </summary>
public static class RecordKeys
{
    /// <summary>The key of <paramref name="record"/> under <paramref name="primaryKey"/> (one path per component).</summary>
    public static string Of(JsonObject record, IReadOnlyList<IReadOnlyList<string>> primaryKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(primaryKey);
        if (primaryKey.Count == 0)
        {
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.ToJsonString())));
        }

        if (primaryKey.Count == 1)
        {
            return ValueAt(record, primaryKey[0]);
        }

        // Composite keys: components joined with a separator that cannot appear unescaped inside them.
        return string.Join('|', primaryKey.Select(path => ValueAt(record, path).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)));
    }

    private static string ValueAt(JsonObject record, IReadOnlyList<string> path)
    {
        JsonNode? node = record;
        foreach (var part in path)
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node switch
        {
            null => throw new KeyNotFoundException($"The record has no value at its primary key '{string.Join('.', path)}'."),
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => node.ToJsonString(),
        };
    }
}
