using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Sdk.Specs;

/// <summary>Finds and masks the secret fields of a configuration, as its spec marks them.</summary>
public static class ConfigSecrets
{
    /// <summary>What the API shows in place of a secret value.</summary>
    public const string Mask = "********";

    /// <summary>The top-level property names the spec marks with <c>"secret": true</c>.</summary>
    public static IReadOnlyList<string> SecretFields(ConnectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ConfigSchema["properties"] is not JsonObject properties)
        {
            return [];
        }

        return properties
            .Where(p => p.Value is JsonObject property && property[ConnectorSpec.SecretKeyword] is JsonValue flag && flag.TryGetValue(out bool isSecret) && isSecret)
            .Select(p => p.Key)
            .ToArray();
    }

    /// <summary>A copy of <paramref name="config"/> with every secret value replaced by <see cref="Mask"/>.</summary>
    public static JsonObject Masked(ConnectorSpec spec, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var copy = (JsonObject)config.DeepClone();
        foreach (var field in SecretFields(spec))
        {
            if (copy[field] is not null)
            {
                copy[field] = Mask;
            }
        }

        return copy;
    }

    /// <summary>
    /// The secret values present in <paramref name="config"/>, for redaction: the strings of every secret field,
    /// including those inside a secret object or array (such as a map of secret HTTP headers).
    /// </summary>
    public static IReadOnlyList<string> SecretValues(ConnectorSpec spec, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = new List<string>();
        foreach (var field in SecretFields(spec))
        {
            CollectStrings(config[field], values);
        }

        return values.Where(s => s.Length > 0).ToArray();
    }

    private static void CollectStrings(JsonNode? node, List<string> into)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue(out string? text):
                into.Add(text);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CollectStrings(child, into);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectStrings(child, into);
                }

                break;
        }
    }

    /// <summary>
    /// An update of <paramref name="current"/> by <paramref name="incoming"/> in which secrets sent back masked
    /// (or left out) keep their stored values: the API never returns secrets, so clients cannot resend them.
    /// </summary>
    public static JsonObject MergeUpdate(ConnectorSpec spec, JsonObject current, JsonObject incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var merged = (JsonObject)incoming.DeepClone();
        foreach (var field in SecretFields(spec))
        {
            var sent = merged[field];
            var keep = sent is null || (sent is JsonValue v && v.TryGetValue(out string? s) && s == Mask);
            if (keep && current[field] is { } stored)
            {
                merged[field] = stored.DeepClone();
            }
        }

        return merged;
    }
}
