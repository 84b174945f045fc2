using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Cli.Runs;

/// <summary>What the CLI does to a sync's stored state before a run.</summary>
internal sealed class SyncState(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Forgets every checkpoint of the sync (for <c>--full-refresh</c>); returns how many there were.</summary>
    public async Task<int> ForgetCheckpointsAsync(Guid syncId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Checkpoint>().Where(c => c.SyncId == syncId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Marks as interrupted the runs of the sync still "running" whose heartbeat stopped longer than
    /// <paramref name="staleAfter"/> ago: a CLI process killed mid-run leaves one behind, and it would otherwise
    /// block every later run of the sync. Their committed checkpoints stay, so the next run resumes from them.
    /// </summary>
    public async Task<int> ReleaseDeadRunsAsync(Guid syncId, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - staleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Run>()
            .Where(r => r.SyncId == syncId && r.Status == RunStatus.Running && r.HeartbeatAt < cutoff)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RunStatus.Interrupted)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.ErrorMessage, "The process running it stopped without finishing (killed or crashed); a later run resumed from its last checkpoint."),
                cancellationToken);
    }
}
