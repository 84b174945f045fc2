using System.Text.RegularExpressions;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Rewrites a Quartz cron expression (seconds first, day of week 1-7 from Sunday, optional year) into the hub's
/// cron format (Cronos, day of week 0-6 from Sunday), for databases made when Quartz ran the schedules.
/// </summary>
internal static partial class QuartzCron
{
    /// <summary>The same schedule in the hub's format, or null when it has none (a year other than every year).</summary>
    public static string? ToHubCron(string quartz)
    {
        var fields = quartz.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 6 or > 7 || (fields.Length == 7 && fields[6] != "*"))
        {
            return null;
        }

        // Quartz numbers days 1 (SUN) to 7 (SAT); Cronos 0 (SUN) to 6 (SAT). Names stay as they are.
        fields[5] = DayNumber().Replace(fields[5], m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cron = string.Join(' ', fields.Take(6));
        return CronSchedule.TryParse(cron) is null ? null : cron;
    }

    /// <summary>A day number of the day-of-week field: not a step (after '/') nor an occurrence (after '#').</summary>
    [GeneratedRegex(@"(?<![/#\d])[1-7](?!\d)")]
    private static partial Regex DayNumber();
}
