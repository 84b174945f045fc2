using ConnectorHub.Core.Syncs;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Keeps Quartz in step with the syncs: a durable job per sync, a cron trigger while it is scheduled and enabled.</summary>
internal sealed class QuartzSyncScheduler(ISchedulerFactory schedulers, TimeProvider time) : ISyncChangeListener
{
    public async Task SavedAsync(Sync sync, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(SyncJobKeys.JobFor(sync.Id), AddJobOptions.Replacing, cancellationToken);
        var trigger = SyncJobKeys.TriggerFor(sync, time);
        if (trigger is null)
        {
            await scheduler.UnscheduleJob(SyncJobKeys.Schedule(sync.Id), cancellationToken);
        }
        else
        {
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public async Task DeletedAsync(Guid syncId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(SyncJobKeys.Job(syncId), cancellationToken);
    }
}
