using System.Globalization;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Search;

/// <summary>
/// Turns property values and filter values into comparable form: timestamps and dates as epoch milliseconds
/// (filters may give epoch ms or ISO 8601), numbers as numbers, text case-insensitively.
/// </summary>
internal static class SearchValue
{
    /// <summary>The number a value stands for, when <paramref name="kind"/> compares numerically.</summary>
    public static double? AsNumber(CrmPropertyKind kind, string? value)
    {
        if (value is null || kind == CrmPropertyKind.Text)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : null;
    }

    /// <summary>Compares two values of a property; null when either cannot be read.</summary>
    public static int? Compare(CrmPropertyKind kind, string? left, string? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (kind == CrmPropertyKind.Text)
        {
            return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        }

        var (l, r) = (AsNumber(kind, left), AsNumber(kind, right));
        return l is null || r is null ? null : l.Value.CompareTo(r.Value);
    }
}
