using Quartz;

namespace ConnectorHub.Core.Segments.Refresh;

/// <summary>Keeps Quartz in step with the segments: a durable job per segment, a cron trigger while it has a schedule.</summary>
internal sealed class QuartzSegmentScheduler(ISchedulerFactory schedulers, TimeProvider time) : ISegmentScheduleListener
{
    public async Task SavedAsync(SegmentView segment, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SegmentRefreshJob>()
            .WithIdentity(SegmentRefreshJob.Job(segment.Id))
            .UsingJobData(SegmentRefreshJob.SegmentIdKey, segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StoreDurably()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        if (segment.Schedule is not { } cron)
        {
            await scheduler.UnscheduleJob(SegmentRefreshJob.Schedule(segment.Id), cancellationToken);
            return;
        }

        var zone = segment.TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(segment.TimeZone);
        // A refresh missed while the hub was down runs once when it is back: the result only depends on now.
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(SegmentRefreshJob.Schedule(segment.Id))
            .ForJob(SegmentRefreshJob.Job(segment.Id))
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task DeletedAsync(long segmentId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(SegmentRefreshJob.Job(segmentId), cancellationToken);
    }
}
