using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>
/// Reads dates and times in the many shapes sources send: ISO 8601 and RFC 3339 (with or without offset), Salesforce's
/// <c>+0000</c>, RFC 1123, US and European numeric dates, month names, <c>yyyyMMdd</c>, and Unix epoch seconds,
/// milliseconds or microseconds (as numbers or digit strings).
/// </summary>
internal static partial class DateTimeParser
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.NoCurrentDateDefault;

    public static bool TryParse(JsonNode value, DateOrder order, out ParsedDateTime parsed, out string error)
    {
        error = string.Empty;
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && JsonScalar.TryGetDecimal(number, out var epoch))
        {
            return TryFromEpoch(epoch, out parsed, out error);
        }

        if (!JsonScalar.TryGetText(value, out var text))
        {
            parsed = default;
            error = $"expected a date or time, got {JsonScalar.Describe(value)}";
            return false;
        }

        return TryParse(text, order, out parsed, out error);
    }

    public static bool TryParse(string input, DateOrder order, out ParsedDateTime parsed, out string error)
    {
        parsed = default;
        error = string.Empty;
        var text = input.Trim();
        if (IsoDateTimeReader.TryRead(text, out parsed))
        {
            return true;
        }

        if (EpochDigits().IsMatch(text) && !IsCompactDate(text))
        {
            return TryFromEpoch(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), out parsed, out error);
        }

        var (local, offset) = SplitZone(text);
        if (TryParseLocal(local, order, out var wallClock))
        {
            var hasTime = wallClock.TimeOfDay != TimeSpan.Zero || local.Contains(':', StringComparison.Ordinal);
            parsed = new ParsedDateTime(wallClock, offset, hasTime);
            return true;
        }

        error = $"'{input}' is not a date or time in a known format (use ISO 8601 such as 2024-03-05T14:00:00+01:00, or epoch seconds)";
        return false;
    }

    private static bool TryParseLocal(string local, DateOrder order, out DateTime value)
    {
        var (first, second) = order == DateOrder.MonthFirst
            ? (DateTimeFormats.MonthFirst, DateTimeFormats.DayFirst)
            : (DateTimeFormats.DayFirst, DateTimeFormats.MonthFirst);
        var culture = CultureInfo.InvariantCulture;
        if (local.Length >= 8 && char.IsAsciiDigit(local[0]) && char.IsAsciiDigit(local[3]) && char.IsAsciiDigit(local[2]))
        {
            return DateTime.TryParseExact(local, DateTimeFormats.YearFirst, culture, Styles, out value);
        }

        return DateTime.TryParseExact(local, first, culture, Styles, out value)
            || DateTime.TryParseExact(local, second, culture, Styles, out value);
    }

    private static (string Local, TimeSpan? Offset) SplitZone(string text)
    {
        var match = ZoneSuffix().Match(text);
        if (!match.Success)
        {
            return (text, null);
        }

        var local = text[..match.Index].TrimEnd();
        var zone = match.Groups["zone"].Value;
        var sign = match.Groups["sign"].Value;
        if (sign.Length == 0)
        {
            return (local, TimeSpan.Zero);
        }

        // A bare -05 after a date is part of the date; an offset needs a time before it.
        if (!local.Contains(':', StringComparison.Ordinal) && !local.Contains('T', StringComparison.Ordinal) && zone.Length == 0)
        {
            return (text, null);
        }

        var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = new TimeSpan(hours, minutes, 0);
        return hours > 14 || minutes > 59 ? (text, null) : (local, sign == "-" ? -offset : offset);
    }

    private static bool TryFromEpoch(decimal epoch, out ParsedDateTime parsed, out string error)
    {
        parsed = default;
        error = string.Empty;
        var magnitude = Math.Abs(epoch);
        var seconds = magnitude < 1e11m ? epoch : magnitude < 1e14m ? epoch / 1_000m : magnitude < 1e17m ? epoch / 1_000_000m : epoch / 1_000_000_000m;
        if (seconds < -62_135_596_800m || seconds > 253_402_300_799m)
        {
            error = $"{epoch} is out of range for a Unix time";
            return false;
        }

        var ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond);
        parsed = new ParsedDateTime(DateTime.UnixEpoch.AddTicks(ticks), TimeSpan.Zero, HasTime: true);
        return true;
    }

    // 20240305 is a date (GA4 sends these), not 1970 plus 231 days.
    private static bool IsCompactDate(string text) =>
        text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 1900 and <= 2100;

    [GeneratedRegex(@"^-?\d{1,19}(\.\d+)?$")]
    private static partial Regex EpochDigits();

    [GeneratedRegex(@"(?:\s*(?<zone>Z|UTC|GMT)|(?<zone>UTC|GMT)?(?<sign>[+-])(?<hours>\d{2})(?::?(?<minutes>\d{2}))?|(?<zone>UTC|GMT)(?<sign>[+-])(?<hours>\d{1,2})(?::(?<minutes>\d{2}))?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneSuffix();
}
