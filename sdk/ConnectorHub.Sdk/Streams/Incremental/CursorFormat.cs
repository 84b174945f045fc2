using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>How a cursor value is written in records, states and requests.</summary>
public enum CursorFormat
{
    /// <summary>ISO 8601 text (<c>2024-06-01T08:00:00.000Z</c>).</summary>
    Iso8601,

    /// <summary>Milliseconds since 1970 (a number, or digits in a string).</summary>
    UnixMilliseconds,

    /// <summary>Seconds since 1970.</summary>
    UnixSeconds,

    /// <summary>A calendar date (<c>2024-06-01</c>).</summary>
    Date,
}

/// <summary>Reads and writes cursor values in a <see cref="CursorFormat"/>.</summary>
public static class CursorValues
{
    /// <summary>Reads <paramref name="node"/> as an instant; null when absent or unreadable.</summary>
    public static DateTimeOffset? Read(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue(out long number):
                return FromNumber(number);
            case JsonValue v when v.TryGetValue(out double real):
                return FromNumber((long)real);
            case JsonValue v when v.TryGetValue(out string? text):
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var digits))
                {
                    return FromNumber(digits);
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
            default:
                return null;
        }
    }

    /// <summary>Writes <paramref name="value"/> in <paramref name="format"/>.</summary>
    public static string Write(DateTimeOffset value, CursorFormat format) => format switch
    {
        CursorFormat.UnixMilliseconds => value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        CursorFormat.UnixSeconds => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        CursorFormat.Date => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    // Ten digits or fewer are seconds (until 2286); more are milliseconds.
    private static DateTimeOffset FromNumber(long number) =>
        Math.Abs(number) < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(number) : DateTimeOffset.FromUnixTimeMilliseconds(number);
}
