using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Specs;

namespace ConnectorHub.Host.Dashboard.Forms;

/// <summary>
/// Turns a connector's config JSON Schema into form fields, shows stored values in them (secrets never), and reads
/// a posted form back into a config object, typed as the schema says. Conversion errors are keyed like the hub's
/// own validation errors (<c>config.name</c>), so both show beside the field.
/// </summary>
public static class SchemaForm
{
    /// <summary>The fields of <paramref name="spec"/>, in the schema's order.</summary>
    public static IReadOnlyList<SchemaField> Fields(ConnectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var schema = spec.ConfigSchema;
        if (schema["properties"] is not JsonObject properties)
        {
            return [];
        }

        var required = schema["required"] is JsonArray list ? list.Select(r => r?.GetValue<string>()).ToHashSet() : [];
        var secrets = ConfigSecrets.SecretFields(spec).ToHashSet(StringComparer.Ordinal);
        return properties.Where(p => p.Value is JsonObject).Select(p =>
        {
            var property = (JsonObject)p.Value!;
            return new SchemaField
            {
                Key = p.Key,
                Label = property["title"] is JsonValue title ? title.ToString() : Humanize(p.Key),
                Type = TypeOf(property) ?? "string",
                ItemType = property["items"] is JsonObject items ? TypeOf(items) : null,
                Required = required.Contains(p.Key),
                Secret = secrets.Contains(p.Key),
                Description = property["description"]?.ToString(),
                Format = property["format"]?.ToString(),
                Choices = property["enum"] is JsonArray choices ? choices.ToArray() : [],
                Default = property["default"],
                Minimum = Number(property["minimum"]),
                Maximum = Number(property["maximum"]),
            };
        }).ToArray();
    }

    /// <summary>The text to show in a field for <paramref name="config"/>'s value (or the default for a new form); never a secret.</summary>
    public static string Display(SchemaField field, JsonObject? config)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Secret)
        {
            return string.Empty;
        }

        var value = config is null ? field.Default : config[field.Key];
        return value switch
        {
            null => string.Empty,
            JsonArray array when field.Input == FieldInput.Lines => string.Join('\n', array.Select(Scalar)),
            JsonValue scalar when field.Input != FieldInput.Json => Scalar(scalar),
            _ => value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
        };
    }

    /// <summary>Whether a stored secret exists for <paramref name="field"/> (shown as "set, leave blank to keep").</summary>
    public static bool HasStoredSecret(SchemaField field, JsonObject? config) =>
        field is { Secret: true } && config?[field.Key] is not null;

    /// <summary>Reads the posted values; blank fields are left out (so a blank secret keeps its stored value).</summary>
    public static JsonObject Read(IReadOnlyList<SchemaField> fields, Func<string, string?> posted, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(errors);
        var config = new JsonObject();
        foreach (var field in fields)
        {
            var raw = posted(field.InputName);
            if (field.Input == FieldInput.Checkbox)
            {
                config[field.Key] = raw is "true" or "on";
                continue;
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                config[field.Key] = Convert(field, raw);
            }
            catch (FormatException ex)
            {
                errors[field.InputName] = ex.Message;
            }
        }

        return config;
    }

    private static JsonNode? Convert(SchemaField field, string raw) => field.Input switch
    {
        FieldInput.Password => field.Type switch
        {
            "string" => raw,
            "integer" or "number" => Scalar(field.Type, raw.Trim()),
            _ => ParseJson(raw), // a secret object or list (such as secret headers), typed as JSON on one line
        },
        FieldInput.Text => raw.Trim(),
        FieldInput.Number => Scalar(field.Type, raw.Trim()),
        FieldInput.Select => field.Choices.FirstOrDefault(c => Scalar(c) == raw)?.DeepClone()
            ?? throw new FormatException($"Choose one of {string.Join(", ", field.Choices.Select(Scalar))}."),
        FieldInput.Lines => new JsonArray(raw.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => Scalar(field.ItemType ?? "string", l)).ToArray()),
        _ => ParseJson(raw),
    };

    // Numbers are parsed as JSON, as the API receives them: a JsonValue made from a long would refuse to be read
    // as an int (ConnectorConfig.GetInt32), so a form-made connection would fail its check where the API's passes.
    private static JsonNode? Scalar(string type, string text) => type switch
    {
        "integer" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            ? JsonNode.Parse(whole.ToString(CultureInfo.InvariantCulture))
            : throw new FormatException($"'{text}' is not a whole number."),
        "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture))
            : throw new FormatException($"'{text}' is not a number (use a dot for decimals)."),
        _ => JsonValue.Create(text),
    };

    private static JsonNode? ParseJson(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"This is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => node.ToJsonString(),
    };

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue type => type.ToString(),
        JsonArray types => types.Select(t => t?.ToString()).FirstOrDefault(t => t is not null and not "null"),
        _ => null,
    };

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue(out double number) ? number : null;

    private static string Humanize(string key)
    {
        var words = key.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? key : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
