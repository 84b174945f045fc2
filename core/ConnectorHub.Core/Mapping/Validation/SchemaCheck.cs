using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Validation;

/// <summary>
/// One compiled JSON Schema node that answers "certainly valid?" without serializing the document. It is at least as
/// strict as the SDK's validator (a "no" only means "ask the full validator"), so it can never let a bad entity through.
/// </summary>
internal sealed class SchemaCheck
{
    public JsonTypes Types { get; set; } = JsonTypes.Any;

    public string[] Required { get; set; } = [];

    public Dictionary<string, SchemaCheck>? Properties { get; set; }

    public bool AdditionalProperties { get; set; } = true;

    public JsonNode?[]? Enum { get; set; }

    public Regex? Pattern { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public SchemaCheck? Items { get; set; }

    public SchemaCheck[]? AnyOf { get; set; }

    public Func<string, bool>? Format { get; set; }

    public bool IsCertainlyValid(JsonNode? node)
    {
        var kind = Kind(node);
        if ((Types & kind) == 0 && !(kind == JsonTypes.Integer && (Types & JsonTypes.Number) != 0))
        {
            return false;
        }

        if (Enum is not null && !Enum.Any(e => JsonNode.DeepEquals(e, node)))
        {
            return false;
        }

        if (AnyOf is not null && !AnyOf.Any(a => a.IsCertainlyValid(node)))
        {
            return false;
        }

        return node switch
        {
            JsonObject obj => ObjectIsValid(obj),
            JsonArray array => ArrayIsValid(array),
            JsonValue value when kind == JsonTypes.String => StringIsValid(value.GetValue<string>()),
            JsonValue value when kind is JsonTypes.Number or JsonTypes.Integer => NumberIsValid(value),
            _ => true,
        };
    }

    private bool ObjectIsValid(JsonObject obj)
    {
        foreach (var name in Required)
        {
            if (!obj.ContainsKey(name))
            {
                return false;
            }
        }

        foreach (var (name, value) in obj)
        {
            if (Properties is not null && Properties.TryGetValue(name, out var property))
            {
                if (!property.IsCertainlyValid(value))
                {
                    return false;
                }
            }
            else if (!AdditionalProperties)
            {
                return false;
            }
        }

        return true;
    }

    private bool ArrayIsValid(JsonArray array)
    {
        if (array.Count < (MinItems ?? 0) || array.Count > (MaxItems ?? int.MaxValue))
        {
            return false;
        }

        return Items is null || array.All(Items.IsCertainlyValid);
    }

    private bool StringIsValid(string text)
    {
        // Fewest possible characters against the minimum and most against the maximum, whichever way lengths are counted.
        if (MinLength is { } min && CodePoints(text) < min)
        {
            return false;
        }

        if (MaxLength is { } max && text.Length > max)
        {
            return false;
        }

        return (Pattern is null || Pattern.IsMatch(text)) && (Format is null || Format(text));
    }

    private bool NumberIsValid(JsonValue value)
    {
        if (Minimum is null && Maximum is null)
        {
            return true;
        }

        return JsonScalar.TryGetDecimal(value, out var number) && number >= (Minimum ?? decimal.MinValue) && number <= (Maximum ?? decimal.MaxValue);
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    private static JsonTypes Kind(JsonNode? node) => node switch
    {
        null => JsonTypes.Null,
        JsonObject => JsonTypes.Object,
        JsonArray => JsonTypes.Array,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonTypes.String,
            JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
            JsonValueKind.Number => IsInteger(value) ? JsonTypes.Integer : JsonTypes.Number,
            _ => JsonTypes.Null,
        },
        _ => JsonTypes.Null,
    };

    // Judged on the JSON text, as a validator that parses the serialized document sees it (42.0 is not an integer there).
    private static bool IsInteger(JsonValue value) => value.ToJsonString().AsSpan().IndexOfAny(".eE") < 0;
}
