using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Schemas;

namespace ConnectorHub.Sdk.Testing.Specs;

/// <summary>
/// What a connector spec must be: a valid JSON Schema of an object, whose fields that look secret (token, secret,
/// password, key) carry <c>"secret": true</c>, at the top level where the host encrypts them.
/// </summary>
public static partial class SpecRules
{
    private static readonly HashSet<string> SecretLastWords = new(StringComparer.OrdinalIgnoreCase) { "token", "secret", "password", "passwd", "key", "apikey", "credential", "credentials" };

    /// <summary>Every problem of <paramref name="spec"/>; empty when it is sound.</summary>
    public static IReadOnlyList<string> Problems(ConnectorSpec spec, IReadOnlyCollection<string> nonSecretFields)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(nonSecretFields);
        var problems = new List<string>();
        try
        {
            JsonSchemaValidator.FromJson(spec.ConfigSchema);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"The config schema is not a valid JSON Schema: {ex.Message}");
        }

        if (spec.ConfigSchema["type"]?.ToString() != "object" || spec.ConfigSchema["properties"] is not JsonObject top)
        {
            problems.Add("The config schema must be {\"type\":\"object\",\"properties\":{...}}.");
            return problems;
        }

        foreach (var required in (spec.ConfigSchema["required"] as JsonArray ?? []).Select(r => r?.ToString() ?? string.Empty))
        {
            if (!top.ContainsKey(required))
            {
                problems.Add($"'{required}' is listed in \"required\" but has no entry in \"properties\".");
            }
        }

        Walk(spec.ConfigSchema, topLevel: true, path: string.Empty, nonSecretFields, problems);
        return problems;
    }

    /// <summary>Whether a field name looks like it holds a credential: its last word is token, secret, password, key, ...</summary>
    public static bool LooksSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Words().Matches(name).Select(m => m.Value).ToArray();
        return words.Length > 0 && (SecretLastWords.Contains(words[^1]) || words.Any(w => w.Equals("password", StringComparison.OrdinalIgnoreCase)));
    }

    private static void Walk(JsonObject schema, bool topLevel, string path, IReadOnlyCollection<string> nonSecretFields, List<string> problems)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, node) in properties)
            {
                if (node is not JsonObject property)
                {
                    continue;
                }

                var where = path.Length == 0 ? name : $"{path}.{name}";
                var marked = property[ConnectorSpec.SecretKeyword] is JsonValue flag && flag.TryGetValue(out bool secret) && secret;
                if (LooksSecret(name) && !marked && !nonSecretFields.Contains(name))
                {
                    problems.Add($"'{where}' looks like a secret but is not marked \"secret\": true, so the host would store and show it in clear. Mark it, or list it in NonSecretFields if it is not a secret.");
                }

                if (marked && !topLevel)
                {
                    problems.Add($"'{where}' is marked secret inside a nested object; the host encrypts and masks top-level fields only. Move it to the top level.");
                }

                Walk(property, topLevel: false, where, nonSecretFields, problems);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            foreach (var branch in (schema[keyword] as JsonArray ?? []).OfType<JsonObject>())
            {
                Walk(branch, topLevel, path, nonSecretFields, problems);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, topLevel: false, path + "[]", nonSecretFields, problems);
        }
    }

    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();
}
