using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Quartz's job for one sync: executes a run queued by the API (its id in the trigger's data) or queues one for a
/// scheduled fire time. Never two at once per sync, across the whole cluster.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SyncJob(SyncRunner runner, ILogger<SyncJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var syncId = Guid.Parse(data[SyncJobKeys.SyncIdKey]?.ToString() ?? throw new InvalidOperationException($"The job {context.JobDetail.Key} has no sync id."));
        Guid runId;
        if (data.TryGetValue(SyncJobKeys.RunIdKey, out var queued) && queued is string id)
        {
            runId = Guid.Parse(id);
        }
        else
        {
            var scheduled = await runner.QueueScheduledAsync(syncId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
            if (scheduled is null)
            {
                logger.LogInformation("Sync {SyncId}: the fire at {FireTime} already has its run; skipping.", syncId, context.ScheduledFireTimeUtc);
                return;
            }

            runId = scheduled.Value;
        }

        await runner.ExecuteAsync(runId, cancellationToken);
    }
}
