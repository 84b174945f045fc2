using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Values;

/// <summary>Reads JSON values the way mapping rules see them: null and blank strings count as missing.</summary>
internal static class JsonScalar
{
    public static bool IsMissing(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetValue<string>()),
            _ => false,
        },
        _ => false,
    };

    /// <summary>The text of a string, number or boolean; false for objects and arrays.</summary>
    public static bool TryGetText(JsonNode? node, out string text)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    text = value.GetValue<string>();
                    return true;
                case JsonValueKind.Number:
                    text = value.TryGetValue<decimal>(out var d)
                        ? d.ToString(CultureInfo.InvariantCulture)
                        : value.ToJsonString();
                    return true;
                case JsonValueKind.True:
                    text = "true";
                    return true;
                case JsonValueKind.False:
                    text = "false";
                    return true;
            }
        }

        text = string.Empty;
        return false;
    }

    public static bool TryGetDecimal(JsonNode? node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out number) || TryParseDouble(value.ToJsonString(), out number),
            JsonValueKind.String => decimal.TryParse(value.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>A short quoted rendering of a value for error messages.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? $"'{value.GetValue<string>()}'"
            : node.ToJsonString();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }

    /// <summary>A CLR value for templates and conditions: string, decimal, bool, or the node itself for objects and arrays.</summary>
    public static object? Unwrap(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<decimal>(out var d) ? d
                : value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number
                : value.ToJsonString(),
            _ => null,
        };
    }

    private static bool TryParseDouble(string text, out decimal number)
    {
        number = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d))
        {
            return false;
        }

        try
        {
            number = (decimal)d;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
