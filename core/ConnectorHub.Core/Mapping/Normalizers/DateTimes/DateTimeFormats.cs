namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>The wall-clock formats the date parser accepts (time zones are read separately), built once per date order.</summary>
internal static class DateTimeFormats
{
    public static readonly string[] YearFirst = Combine(
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd"],
        IsoTimes(),
        ["'T'", " "]);

    public static readonly string[] MonthFirst = Build(numeric: ["M/d/yyyy", "M-d-yyyy", "M.d.yyyy", "M/d/yy"], textual: TextualMonthFirst());

    public static readonly string[] DayFirst = Build(numeric: ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d/M/yy", "d.M.yy"], textual: TextualDayFirst());

    private static string[] IsoTimes() =>
        ["HH:mm:ss.FFFFFFF", "HH:mm:ss", "HH:mm", "HHmmss", "H:mm:ss", "H:mm", "h:mm:ss tt", "h:mm tt", "h:mmtt"];

    private static string[] Times() =>
        ["H:mm:ss.FFFFFFF", "H:mm:ss", "H:mm", "h:mm:ss tt", "h:mm tt", "h:mm:sstt", "h:mmtt", "h tt", "htt"];

    private static string[] TextualDayFirst() =>
        ["d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "ddd, d MMM yyyy", "dddd, d MMMM yyyy", "ddd d MMM yyyy"];

    private static string[] TextualMonthFirst() =>
        ["MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "ddd, MMM d, yyyy", "dddd, MMMM d, yyyy", "ddd MMM d yyyy"];

    private static string[] Build(string[] numeric, string[] textual)
    {
        var dates = numeric.Concat(textual).ToArray();
        var other = numeric[0].StartsWith('M') ? TextualDayFirst() : TextualMonthFirst();
        return
        [
            .. Combine(dates, Times(), [" ", ", ", " at "]),
            .. Combine(other, Times(), [" ", ", ", " at "]),
            .. CTimeFormats(),
        ];
    }

    // C's asctime and JavaScript's Date.toString: "Tue Mar 5 14:00:00 2024".
    private static string[] CTimeFormats() => ["ddd MMM d HH:mm:ss yyyy", "ddd MMM d yyyy HH:mm:ss"];

    private static string[] Combine(string[] dates, string[] times, string[] separators)
    {
        var formats = new List<string>(dates.Length * (1 + (times.Length * separators.Length)));
        foreach (var date in dates)
        {
            foreach (var time in times)
            {
                foreach (var separator in separators)
                {
                    formats.Add(date + separator + time);
                }
            }

            formats.Add(date);
        }

        return [.. formats];
    }
}
