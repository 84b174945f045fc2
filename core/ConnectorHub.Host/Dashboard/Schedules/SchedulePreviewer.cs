using ConnectorHub.Core.Scheduling;

namespace ConnectorHub.Host.Dashboard.Schedules;

/// <summary>What a schedule means: its explanation and its next fire times, computed in the sync's time zone.</summary>
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

        if (CronSchedule.Problem(cron.Trim()) is { } problem)
        {
            return new SchedulePreview(problem, string.Empty, [], zone!);
        }

        var next = CronSchedule.Next(cron.Trim(), zone!, time.GetUtcNow(), Count).Select(fire => TimeZoneInfo.ConvertTime(fire, zone!)).ToArray();
        return new SchedulePreview(null, CronExplainer.Describe(cron), next, zone!);
    }
}
