using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectorHub.Core.Mapping.Validation;

/// <summary>
/// Compiles a JSON Schema into <see cref="SchemaCheck"/> nodes. Only the keywords the canonical schemas use are
/// understood; any other keyword makes the build fail, and validation then always uses the full validator.
/// </summary>
internal static partial class SchemaCheckBuilder
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "definitions", "examples", "default",
    };

    public static SchemaCheck? TryBuild(JsonObject schema)
    {
        try
        {
            return Build(schema, schema, depth: 0);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static SchemaCheck Build(JsonObject node, JsonObject root, int depth)
    {
        if (depth > 32)
        {
            throw new NotSupportedException("schema too deep or recursive");
        }

        if (node["$ref"] is JsonValue reference)
        {
            var path = reference.GetValue<string>();
            var target = path.StartsWith("#/definitions/", StringComparison.Ordinal) ? root["definitions"]?[path[14..]] as JsonObject : null;
            return node.Count == 1 && target is not null ? Build(target, root, depth + 1) : throw new NotSupportedException(path);
        }

        var check = new SchemaCheck();
        foreach (var (keyword, value) in node)
        {
            if (Annotations.Contains(keyword))
            {
                continue;
            }

            Apply(check, keyword, value, root, depth);
        }

        return check;
    }

    private static void Apply(SchemaCheck check, string keyword, JsonNode? value, JsonObject root, int depth)
    {
        switch (keyword)
        {
            case "type":
                check.Types = value is JsonArray types ? types.Aggregate(JsonTypes.None, (all, t) => all | Type(t)) : Type(value);
                break;
            case "required":
                check.Required = [.. value!.AsArray().Select(r => r!.GetValue<string>())];
                break;
            case "properties":
                check.Properties = value!.AsObject().ToDictionary(p => p.Key, p => Build(p.Value!.AsObject(), root, depth + 1), StringComparer.Ordinal);
                break;
            case "additionalProperties" when value is JsonValue allowed && allowed.TryGetValue<bool>(out var flag):
                check.AdditionalProperties = flag;
                break;
            case "enum":
                check.Enum = [.. value!.AsArray().Select(e => e?.DeepClone())];
                break;
            case "pattern":
                check.Pattern = new Regex(value!.GetValue<string>(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                break;
            case "minLength":
                check.MinLength = value!.GetValue<int>();
                break;
            case "maxLength":
                check.MaxLength = value!.GetValue<int>();
                break;
            case "minItems":
                check.MinItems = value!.GetValue<int>();
                break;
            case "maxItems":
                check.MaxItems = value!.GetValue<int>();
                break;
            case "minimum":
                check.Minimum = value!.GetValue<decimal>();
                break;
            case "maximum":
                check.Maximum = value!.GetValue<decimal>();
                break;
            case "items" when value is JsonObject items:
                check.Items = Build(items, root, depth + 1);
                break;
            case "anyOf":
                check.AnyOf = [.. value!.AsArray().Select(a => Build(a!.AsObject(), root, depth + 1))];
                break;
            case "format":
                check.Format = Format(value!.GetValue<string>());
                break;
            default:
                throw new NotSupportedException(keyword);
        }
    }

    private static JsonTypes Type(JsonNode? type) => type?.GetValue<string>() switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        var other => throw new NotSupportedException($"type {other}"),
    };

    private static Func<string, bool> Format(string format) => format switch
    {
        "date-time" => text => DateTimeShape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => text => text.Length == 10
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => EmailShape().IsMatch,
        _ => throw new NotSupportedException($"format {format}"),
    };

    // Conservative shapes: values outside them go to the full validator, which has the last word.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeShape();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
