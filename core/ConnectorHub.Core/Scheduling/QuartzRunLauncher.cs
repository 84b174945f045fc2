using ConnectorHub.Core.Runner;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Hands queued runs to the scheduler, so any node of the cluster executes them, one at a time per sync.</summary>
internal sealed class QuartzRunLauncher(ISchedulerFactory schedulers) : IRunLauncher
{
    public async Task LaunchAsync(Guid syncId, Guid runId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetJobDetail(SyncJobKeys.Job(syncId), cancellationToken) is null)
        {
            await scheduler.AddJob(SyncJobKeys.JobFor(syncId), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.TriggerJob(SyncJobKeys.Job(syncId), new JobDataMap { [SyncJobKeys.RunIdKey] = runId.ToString() }, cancellationToken);
    }
}
