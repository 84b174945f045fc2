using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.File.Reading;

/// <summary>
/// Reads and compares cursor values. Two values compare as numbers when both are numbers, as instants when both
/// are dates or date-times (a value without a time zone is taken as UTC), and otherwise as text, ordinally.
/// </summary>
internal static class CursorValues
{
    /// <summary>The cursor value of <paramref name="record"/> as text, or null when it has none (absent, null or empty).</summary>
    public static string? Of(JsonObject record, string cursorField)
    {
        ArgumentNullException.ThrowIfNull(record);
        var node = record[cursorField];
        return node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>Compares two cursor values: negative when <paramref name="left"/> comes first, 0 when they are equal.</summary>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (TryNumber(left, out var leftNumber) && TryNumber(right, out var rightNumber))
        {
            return leftNumber.CompareTo(rightNumber);
        }

        if (TryInstant(left, out var leftInstant) && TryInstant(right, out var rightInstant))
        {
            return leftInstant.CompareTo(rightInstant);
        }

        return string.CompareOrdinal(left, right);
    }

    /// <summary>The later of two cursor values (either may be null).</summary>
    public static string? Max(string? left, string? right) =>
        left is null ? right : right is null ? left : Compare(left, right) >= 0 ? left : right;

    // decimal, not double: ids and epoch timestamps past 2^53 must still compare exactly.
    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
