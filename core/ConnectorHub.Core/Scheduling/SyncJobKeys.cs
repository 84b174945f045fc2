using ConnectorHub.Core.Syncs;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>How syncs are named and scheduled in Quartz: one durable job per sync, one cron trigger when scheduled.</summary>
internal static class SyncJobKeys
{
    /// <summary>The next time <paramref name="cron"/> fires after <paramref name="after"/> in <paramref name="zone"/>, or null if never again.</summary>
    public static DateTimeOffset? NextFire(string cron, TimeZoneInfo zone, DateTimeOffset after)
    {
        return CronExpression.Parse(cron).WithTimeZone(zone).GetNextValidTimeAfter(after);
    }

    public const string Group = "syncs";
    public const string SyncIdKey = "syncId";
    public const string RunIdKey = "runId";

    public static JobKey Job(Guid syncId) => new($"sync-{syncId:N}", Group);

    public static TriggerKey Schedule(Guid syncId) => new($"sync-{syncId:N}-schedule", Group);

    public static IJobDetail JobFor(Guid syncId) => JobBuilder.Create<SyncJob>()
        .WithIdentity(Job(syncId))
        .UsingJobData(SyncIdKey, syncId.ToString())
        .StoreDurably()
        .Build();

    /// <summary>
    /// The sync's cron trigger in its time zone. Misfire policy: a schedule missed while every node was down fires
    /// once as soon as a node is back, then resumes (a night's missed run happens once, not once per missed slot).
    /// </summary>
    public static ITrigger? TriggerFor(Sync sync, TimeProvider time)
    {
        if (!sync.Enabled || sync.ScheduleCron is null)
        {
            return null;
        }

        var zone = sync.ScheduleTimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(sync.ScheduleTimeZone);
        if (NextFire(sync.ScheduleCron, zone, time.GetUtcNow()) is null)
        {
            return null; // a one-off schedule already past: nothing to fire
        }

        return TriggerBuilder.Create(time)
            .WithIdentity(Schedule(sync.Id))
            .ForJob(Job(sync.Id))
            .WithSchedule(CronScheduleBuilder.Create(sync.ScheduleCron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
