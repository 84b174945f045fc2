using System.ComponentModel;
using ConnectorHub.Core.Runner;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Hangfire's jobs for syncs: a scheduled occurrence of a sync's cron, and the execution of a queued run (run-now,
/// recovery). The run itself lives in the hub's tables; Hangfire carries it to a node. Never two runs of one sync
/// at once: the hub's run lease (one running run per sync), and Hangfire's distributed lock around the decision to
/// start, so a run that finds its sync busy waits its turn instead of failing.
/// </summary>
public sealed class SyncJobs(SyncRunner runner, IBackgroundJobClient jobs, JobStorage storage, TimeProvider time, ILogger<SyncJobs> logger)
{
    /// <summary>How long a run waits before it looks again when its sync is busy.</summary>
    public static readonly TimeSpan BusyDelay = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A scheduled occurrence of <paramref name="syncId"/>'s cron: runs it, unless a run of it still goes on (then this occurrence is skipped).</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Scheduled run of sync {0}")]
    public async Task FireAsync(Guid syncId, PerformContext? context, CancellationToken cancellationToken)
    {
        Guid? runId;
        using (LockSync(syncId))
        {
            if (await runner.IsRunningAsync(syncId, cancellationToken))
            {
                logger.LogInformation("Sync {SyncId}: the previous run still goes on; this scheduled occurrence is skipped.", syncId);
                return;
            }

            runId = await runner.QueueScheduledAsync(syncId, OccurrenceOf(context), cancellationToken);
            if (runId is null || !await runner.ClaimAsync(runId.Value, cancellationToken))
            {
                return; // another node has this occurrence's run, or the sync was disabled meanwhile
            }
        }

        await runner.ExecuteClaimedAsync(runId.Value, cancellationToken);
    }

    /// <summary>Executes the queued run <paramref name="runId"/> of <paramref name="syncId"/>; waits while another run of the sync goes on.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Run {1} of sync {0}")]
    public async Task ExecuteAsync(Guid syncId, Guid runId, CancellationToken cancellationToken)
    {
        using (LockSync(syncId))
        {
            if (await runner.IsRunningAsync(syncId, cancellationToken))
            {
                jobs.Schedule<SyncJobs>(j => j.ExecuteAsync(syncId, runId, CancellationToken.None), BusyDelay);
                return;
            }

            if (!await runner.ClaimAsync(runId, cancellationToken))
            {
                return; // cancelled while queued, or taken by another node
            }
        }

        await runner.ExecuteClaimedAsync(runId, cancellationToken);
    }

    private HangfireLock LockSync(Guid syncId) => HangfireLock.Acquire(storage, $"connectorhub:sync:{syncId:N}", LockTimeout);

    /// <summary>The time the occurrence was due (Hangfire records it on jobs it creates from a schedule), or now.</summary>
    private DateTimeOffset OccurrenceOf(PerformContext? context)
    {
        var due = context?.GetJobParameter<long?>("Time");
        return due is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : time.GetUtcNow();
    }
}
