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
        var staleBefore = time.GetUtcNow() - options.Value.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var resumed = db.Set<Run>().Where(r => r.ResumedRunId != null).Select(r => r.ResumedRunId);
        var orphans = await db.Set<Run>().AsNoTracking()
            .Where(r => (r.Status == RunStatus.Running && r.HeartbeatAt < staleBefore) || (r.Status == RunStatus.Interrupted && !resumed.Contains(r.Id)))
            .Select(r => new { r.Id, r.SyncId, r.Status, r.Node })
            .ToListAsync(cancellationToken);

        var taken = 0;
        foreach (var orphan in orphans)
        {
            if (orphan.Status == RunStatus.Running && !await MarkInterruptedAsync(db, orphan.Id, staleBefore, cancellationToken))
            {
                continue;
            }

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

    private static async Task<bool> MarkInterruptedAsync(HubDbContext db, Guid runId, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        await db.Set<Run>()
            .Where(r => r.Id == runId && r.Status == RunStatus.Running && r.HeartbeatAt < staleBefore)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RunStatus.Interrupted)
                .SetProperty(r => r.ErrorMessage, "The node running this run stopped answering; it was resumed by a recovery run."), cancellationToken) == 1;
}
