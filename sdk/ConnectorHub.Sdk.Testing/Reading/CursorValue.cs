using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>Orders cursor values the way sources mean them: numbers as numbers, timestamps as instants, else text.</summary>
public static class CursorValue
{
    /// <summary>Compares two cursor values (null sorts first).</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return (left is not null).CompareTo(right is not null);
        }

        var (l, r) = (Text(left), Text(right));
        if (decimal.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var ln)
            && decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rn))
        {
            return ln.CompareTo(rn);
        }

        if (DateTimeOffset.TryParse(l, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lt)
            && DateTimeOffset.TryParse(r, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rt))
        {
            return lt.CompareTo(rt);
        }

        return string.CompareOrdinal(l, r);
    }

    private static string Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
}
