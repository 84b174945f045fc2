using System.Globalization;

namespace ConnectorHub.Sandbox.Square;

/// <summary>Square's timestamps: RFC 3339 in UTC with milliseconds (<c>2024-06-01T08:00:00.000Z</c>).</summary>
public static class SquareTime
{
    /// <summary>Writes <paramref name="time"/> as Square does.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads an RFC 3339 timestamp (any offset); null when it is not one.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) && text!.Contains('T', StringComparison.Ordinal)
            ? time
            : null;

    /// <summary>A sortable text for <paramref name="time"/> (fixed width), for keyset cursors.</summary>
    internal static string SortKey(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
