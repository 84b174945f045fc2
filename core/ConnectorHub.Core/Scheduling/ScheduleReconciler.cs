using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>At start, makes Quartz's jobs and triggers match the syncs in the database (a sync changed while this node was down).</summary>
internal sealed class ScheduleReconciler(IDbContextFactory<HubDbContext> dbFactory, ISchedulerFactory schedulers, QuartzSyncScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var syncs = await db.Set<Sync>().AsNoTracking().ToListAsync(cancellationToken);
        foreach (var sync in syncs)
        {
            await scheduler.SavedAsync(sync, cancellationToken);
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
