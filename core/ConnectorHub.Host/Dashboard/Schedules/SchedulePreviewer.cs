using Quartz;

namespace ConnectorHub.Host.Dashboard.Schedules;

/// <summary>What a schedule means: its explanation and its next fire times, computed by Quartz in the sync's time zone.</summary>
/// <param name="Error">Why the expression or zone is not accepted, or null.</param>
/// <param name="Description">The expression in words, or a note that the sync runs manually only.</param>
/// <param name="Next">The next fire times, in <paramref name="Zone"/>.</param>
/// <param name="Zone">The time zone the schedule is read in.</param>
public sealed record SchedulePreview(string? Error, string Description, IReadOnlyList<DateTimeOffset> Next, TimeZoneInfo Zone);

/// <summary>Computes <see cref="SchedulePreview"/>s from the hub's clock.</summary>
public sealed class SchedulePreviewer(TimeProvider time)
{
    /// <summary>How many upcoming runs a preview lists.</summary>
    public const int Count = 5;

    public SchedulePreview Preview(string? cron, string? zoneId)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(zoneId) && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out zone))
        {
            return new SchedulePreview($"'{zoneId}' is not a known time zone. Use an IANA name such as 'Europe/London' or 'America/New_York'.", string.Empty, [], TimeZoneInfo.Utc);
        }

        if (string.IsNullOrWhiteSpace(cron))
        {
            return new SchedulePreview(null, "No schedule: the sync runs only when someone runs it now.", [], zone!);
        }

        if (!CronExpression.TryParse(cron.Trim(), out var parsed))
        {
            return new SchedulePreview($"'{cron}' is not a Quartz cron expression. It has seconds first: '0 0 2 * * ?' runs at 02:00 every day, '0 */15 * * * ?' every 15 minutes.", string.Empty, [], zone!);
        }

        var expression = parsed.WithTimeZone(zone!);
        var next = new List<DateTimeOffset>(Count);
        var after = time.GetUtcNow();
        while (next.Count < Count && expression.GetNextValidTimeAfter(after) is { } fire)
        {
            next.Add(TimeZoneInfo.ConvertTime(fire, zone!));
            after = fire;
        }

        return new SchedulePreview(null, CronExplainer.Describe(cron), next, zone!);
    }
}
