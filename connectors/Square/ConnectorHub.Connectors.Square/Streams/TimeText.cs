using System.Globalization;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>Times as the connector sends them to Square: RFC 3339 UTC with milliseconds.</summary>
internal static class TimeText
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a record's RFC 3339 timestamp; null when absent or unreadable.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
