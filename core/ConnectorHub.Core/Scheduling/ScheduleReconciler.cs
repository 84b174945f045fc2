using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>At start, makes Quartz's jobs and triggers match the syncs in the database (a sync changed while this node was down).</summary>
internal sealed class ScheduleReconciler(IDbContextFactory<HubDbContext> dbFactory, ISchedulerFactory schedulers, QuartzSyncScheduler scheduler, ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var syncs = await db.Set<Sync>().AsNoTracking().ToListAsync(cancellationToken);
        foreach (var sync in syncs)
        {
            try
            {
                await scheduler.SavedAsync(sync, cancellationToken);
            }
            catch (Exception ex) when (ex is SchedulerException or FormatException or TimeZoneNotFoundException)
            {
                // One bad schedule must not keep the hub (and every other sync) from starting.
                logger.LogError(ex, "The schedule of sync '{Sync}' could not be registered: {Message} Fix the sync's schedule.", sync.Name, ex.Message);
            }
        }

        var quartz = await schedulers.GetScheduler(cancellationToken);
        var known = syncs.Select(s => SyncJobKeys.Job(s.Id)).ToHashSet();
        foreach (var key in await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SyncJobKeys.Group), cancellationToken))
        {
            if (!known.Contains(key))
            {
                await quartz.DeleteJob(key, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
