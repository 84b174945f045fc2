using System.Globalization;

namespace ConnectorHub.Host.Dashboard.Schedules;

/// <summary>
/// Explains a cron expression of the hub's (minutes, hours, day of month, month, day of week; or seconds first with
/// six fields) in words: <c>0 2 * * *</c> is "At 02:00, every day." Parts it has no words for are quoted as written.
/// </summary>
public static class CronExplainer
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DayCodes = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthCodes = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    /// <summary>The expression in words; assumes the hub already accepted it.</summary>
    public static string Describe(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var f = expression.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length == 5)
        {
            f = ["0", .. f]; // five fields: no seconds, so at second 0
        }

        if (f.Length != 6)
        {
            return $"'{expression}'";
        }

        var parts = new[] { Time(f[0], f[1], f[2]), Days(f[3], f[5]), Months(f[4]) };
        var text = string.Join(", ", parts.Where(p => p is not null));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string Time(string sec, string min, string hour)
    {
        if (IsNumber(sec) && IsNumber(min) && hour.Split(',').All(IsNumber))
        {
            var times = hour.Split(',').Select(h => Clock(int.Parse(h, CultureInfo.InvariantCulture), int.Parse(min, CultureInfo.InvariantCulture), int.Parse(sec, CultureInfo.InvariantCulture)));
            return "at " + List(times.ToArray());
        }

        var seconds = sec == "0" ? null : Unit(sec, "second");
        var hours = Hours(hour);
        string minutes;
        if (min == "0" && sec == "0")
        {
            return hour == "*" ? "every hour" : hours!;
        }
        else if (IsNumber(min))
        {
            minutes = $"at minute {min} of " + (hour == "*" ? "every hour" : "the hour");
        }
        else
        {
            minutes = Unit(min, "minute");
        }

        return string.Join(", ", new[] { seconds, minutes, hour == "*" ? null : hours }.Where(p => p is not null));
    }

    private static string? Hours(string hour)
    {
        if (hour == "*")
        {
            return null;
        }

        if (IsNumber(hour))
        {
            var h = int.Parse(hour, CultureInfo.InvariantCulture);
            return $"between {h:00}:00 and {h:00}:59";
        }

        var range = hour.Split('-');
        if (range.Length == 2 && range.All(IsNumber))
        {
            return $"between {int.Parse(range[0], CultureInfo.InvariantCulture):00}:00 and {int.Parse(range[1], CultureInfo.InvariantCulture):00}:59";
        }

        return Unit(hour, "hour");
    }

    private static string? Days(string dom, string dow)
    {
        var anyDom = dom is "?" or "*";
        var anyDow = dow is "?" or "*";
        if (anyDom && anyDow)
        {
            return "every day";
        }

        if (!anyDow)
        {
            if (dow.Contains('#', StringComparison.Ordinal))
            {
                var p = dow.Split('#');
                var n = int.Parse(p[1], CultureInfo.InvariantCulture);
                return $"on the {(n is >= 1 and <= 5 ? Ordinals[n - 1] : p[1])} {Day(p[0])} of the month";
            }

            if (dow.EndsWith('L') && dow.Length > 1)
            {
                return $"on the last {Day(dow[..^1])} of the month";
            }

            var range = dow.Split('-');
            if (range.Length == 2)
            {
                return $"on {Day(range[0])} through {Day(range[1])}";
            }

            return "on " + List(dow.Split(',').Select(Day).ToArray());
        }

        return dom switch
        {
            "L" => "on the last day of the month",
            "LW" => "on the last weekday of the month",
            _ when dom.StartsWith("L-", StringComparison.Ordinal) => $"{dom[2..]} days before the last day of the month",
            _ when dom.EndsWith('W') => $"on the weekday nearest day {dom[..^1]} of the month",
            _ when dom.Contains('/', StringComparison.Ordinal) => Unit(dom, "day"),
            _ when dom.Contains('-', StringComparison.Ordinal) => $"on days {dom.Replace("-", " through ", StringComparison.Ordinal)} of the month",
            _ when dom.Contains(',', StringComparison.Ordinal) => $"on days {List(dom.Split(','))} of the month",
            _ => $"on day {dom} of the month",
        };
    }

    private static string? Months(string month)
    {
        if (month is "*" or "?")
        {
            return null;
        }

        if (month.Contains('/', StringComparison.Ordinal))
        {
            return Unit(month, "month");
        }

        var range = month.Split('-');
        return range.Length == 2
            ? $"{Month(range[0])} through {Month(range[1])}"
            : "in " + List(month.Split(',').Select(Month).ToArray());
    }

    /// <summary>Words for a seconds, minutes, hours or days field.</summary>
    private static string Unit(string field, string unit)
    {
        if (field == "*")
        {
            return $"every {unit}";
        }

        var step = field.Split('/');
        if (step.Length == 2)
        {
            var every = $"every {step[1]} {unit}s";
            return step[0] switch
            {
                "*" or "0" => every,
                var s when s.Contains('-', StringComparison.Ordinal) => $"{every} from {s.Replace("-", " through ", StringComparison.Ordinal)}",
                var s => $"{every} starting at {unit} {s}",
            };
        }

        var range = field.Split('-');
        if (range.Length == 2)
        {
            return $"every {unit} from {range[0]} through {range[1]}";
        }

        return field.Contains(',', StringComparison.Ordinal) ? $"at {unit}s {List(field.Split(','))}" : $"at {unit} {field}";
    }

    private static string Day(string code)
    {
        var index = Array.IndexOf(DayCodes, code);
        return index >= 0 ? DayNames[index]
            : int.TryParse(code, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 7 ? DayNames[n % 7]
            : code;
    }

    private static string Month(string code)
    {
        var index = Array.IndexOf(MonthCodes, code);
        var number = index >= 0 ? index + 1 : int.TryParse(code, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return number is >= 1 and <= 12 ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(number) : code;
    }

    private static string Clock(int hour, int minute, int second) =>
        second == 0 ? $"{hour:00}:{minute:00}" : $"{hour:00}:{minute:00}:{second:00}";

    private static bool IsNumber(string field) => int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
