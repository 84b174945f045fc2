using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// Finds runs whose node died (running, but no heartbeat for <see cref="SyncRunnerOptions.StaleAfter"/>) or that a
/// shutdown interrupted, and resumes each from its last checkpoint with a recovery run. Several nodes may look at
/// once: marking a run interrupted and queueing its recovery are both atomic, so exactly one node takes each over.
/// </summary>
public sealed class RunRecovery(
    IDbContextFactory<HubDbContext> dbFactory,
    SyncRunner runner,
    IRunLauncher launcher,
    IOptions<SyncRunnerOptions> options,
    TimeProvider time,
    ILogger<RunRecovery> logger)
{
    /// <summary>Resumes every orphaned run; returns how many this node took over.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await InterruptStaleAsync(null, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Set<Run>();

        // An interrupted run needs resuming unless it was resumed already or a later run has taken over the sync.
        var orphans = await runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Interrupted
                && !runs.Any(other => other.ResumedRunId == r.Id)
                && !runs.Any(later => later.SyncId == r.SyncId && later.QueuedAt > r.QueuedAt
                    && (later.Status == RunStatus.Succeeded || later.Status == RunStatus.Running || later.Status == RunStatus.Queued)))
            .Select(r => new { r.Id, r.SyncId, r.Node })
            .ToListAsync(cancellationToken);

        var taken = 0;
        foreach (var orphan in orphans)
        {
            Guid recoveryId;
            try
            {
                recoveryId = await runner.QueueAsync(orphan.SyncId, RunTrigger.Recovery, orphan.Id, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.ToString().Contains("resumed_run_id", StringComparison.Ordinal))
            {
                continue; // another node queued the recovery first
            }

            logger.LogWarning("Run {RunId} of sync {SyncId} lost its node ({Node}); resuming it from its last checkpoint as run {RecoveryId}.",
                orphan.Id, orphan.SyncId, orphan.Node, recoveryId);
            await launcher.LaunchAsync(orphan.SyncId, recoveryId, cancellationToken);
            taken++;
        }

        return taken;
    }

    /// <summary>
    /// Marks as interrupted the running runs (of one sync, or all) whose heartbeat stopped longer than
    /// <see cref="SyncRunnerOptions.StaleAfter"/> ago: their process was killed or crashed. Their committed
    /// checkpoints stay, so the next run resumes from them. Returns how many were marked.
    /// </summary>
    public async Task<int> InterruptStaleAsync(Guid? syncId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staleBefore = now - options.Value.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stale = db.Set<Run>().Where(r => r.Status == RunStatus.Running && r.HeartbeatAt < staleBefore);
        stale = syncId is { } id ? stale.Where(r => r.SyncId == id) : stale;
        return await stale.ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, RunStatus.Interrupted)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.ErrorMessage, "The process running this run stopped without finishing (killed or crashed); it resumes from its last checkpoint."), cancellationToken);
    }
}
