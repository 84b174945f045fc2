using Quartz;

namespace ConnectorHub.Core.Segments.Refresh;

/// <summary>Quartz's job for one segment: refreshes it at each fire. Never two at once per segment across the cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class SegmentRefreshJob(SegmentRefresher refresher) : IJob
{
    public const string Group = "segments";
    public const string SegmentIdKey = "segmentId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var segmentId = long.Parse(context.MergedJobDataMap[SegmentIdKey]?.ToString() ?? throw new InvalidOperationException($"The job {context.JobDetail.Key} has no segment id."), System.Globalization.CultureInfo.InvariantCulture);
        await refresher.RefreshAsync(segmentId, cancellationToken);
    }

    public static JobKey Job(long segmentId) => new($"segment-{segmentId}", Group);

    public static TriggerKey Schedule(long segmentId) => new($"segment-{segmentId}-schedule", Group);
}
