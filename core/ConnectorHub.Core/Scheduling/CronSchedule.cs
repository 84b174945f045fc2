using System.Globalization;
using Cronos;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// The hub's schedules: cron expressions as Hangfire reads them (Cronos): five fields
/// (<c>minute hour day-of-month month day-of-week</c>, so <c>0 2 * * *</c> is 02:00 daily) or six with seconds first
/// (<c>*/30 * * * * *</c> is every 30 seconds), evaluated in a time zone.
/// </summary>
public static class CronSchedule
{
    /// <summary>Examples for error messages.</summary>
    public const string Examples = "'0 2 * * *' runs at 02:00 every day, '*/15 * * * *' every 15 minutes, '*/30 * * * * *' every 30 seconds (seconds first when there are six fields)";

    /// <summary>Parses <paramref name="expression"/>; null when it is not a cron expression the hub reads.</summary>
    public static CronExpression? TryParse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return fields switch
            {
                5 => CronExpression.Parse(trimmed, CronFormat.Standard),
                6 => CronExpression.Parse(trimmed, CronFormat.IncludeSeconds),
                _ => null,
            };
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="expression"/> cannot be a schedule, or null when it can.</summary>
    public static string? Problem(string expression) =>
        TryParse(expression) is null ? $"'{expression}' is not a cron expression: {Examples}." : null;

    /// <summary>The next <paramref name="count"/> times <paramref name="expression"/> fires after <paramref name="after"/> in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(string expression, TimeZoneInfo zone, DateTimeOffset after, int count)
    {
        var cron = TryParse(expression) ?? throw new FormatException(Problem(expression));
        var times = new List<DateTimeOffset>(count);
        var from = after;
        while (times.Count < count && cron.GetNextOccurrence(from, zone) is { } next)
        {
            times.Add(next);
            from = next;
        }

        return times;
    }

    /// <summary>
    /// A cron expression firing every <paramref name="interval"/>, for the hub's own sweeps: a whole number of seconds
    /// dividing a minute, of minutes dividing an hour, of hours dividing a day, or one day.
    /// </summary>
    public static string Every(TimeSpan interval) => TryEvery(interval) ?? throw new ArgumentOutOfRangeException(nameof(interval), interval,
        "A sweep interval must be a whole number of seconds dividing a minute (1, 2, 5, 10, 15, 20, 30 s), of minutes dividing an hour, of hours dividing a day, or one day.");

    /// <summary>As <see cref="Every"/>, or null when the interval has no such cron expression.</summary>
    public static string? TryEvery(TimeSpan interval)
    {
        static bool Divides(double part, int whole) => part >= 1 && part == Math.Floor(part) && whole % (int)part == 0;
        static string N(double value) => ((int)value).ToString(CultureInfo.InvariantCulture);
        return interval switch
        {
            _ when interval.TotalSeconds < 60 && Divides(interval.TotalSeconds, 60) => $"*/{N(interval.TotalSeconds)} * * * * *",
            _ when interval.TotalMinutes < 60 && Divides(interval.TotalMinutes, 60) => $"0 */{N(interval.TotalMinutes)} * * * *",
            _ when interval.TotalHours < 24 && Divides(interval.TotalHours, 24) => $"0 0 */{N(interval.TotalHours)} * * *",
            _ when interval == TimeSpan.FromDays(1) => "0 0 0 * * *",
            _ => null,
        };
    }
}
