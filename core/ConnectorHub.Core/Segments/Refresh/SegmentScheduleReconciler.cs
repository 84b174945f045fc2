using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ConnectorHub.Core.Segments.Refresh;

/// <summary>At start, makes Quartz's segment jobs match the segments in the database (one changed while this node was down).</summary>
internal sealed class SegmentScheduleReconciler(SegmentService segments, ISchedulerFactory schedulers, QuartzSegmentScheduler scheduler, ILogger<SegmentScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = await segments.ListAsync(cancellationToken);
        foreach (var segment in all)
        {
            try
            {
                await scheduler.SavedAsync(segment, cancellationToken);
            }
            catch (Exception ex) when (ex is SchedulerException or FormatException or TimeZoneNotFoundException)
            {
                logger.LogError(ex, "The refresh schedule of segment '{Segment}' could not be registered: {Message} Fix the segment's schedule.", segment.Name, ex.Message);
            }
        }

        var quartz = await schedulers.GetScheduler(cancellationToken);
        var known = all.Select(s => SegmentRefreshJob.Job(s.Id)).ToHashSet();
        foreach (var key in await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SegmentRefreshJob.Group), cancellationToken))
        {
            if (!known.Contains(key))
            {
                await quartz.DeleteJob(key, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
