using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// The runner's database work: claiming runs, committing flushes with their checkpoints, heartbeats, finishing.
/// Every write of a running run is fenced by its lease (a <see cref="Leases.Lease"/>): it only happens while the run's row
/// is still <c>Running</c>, checked in the write's own transaction.
/// </summary>
internal sealed class RunProgressStore(IDbContextFactory<HubDbContext> dbFactory, TimeSpan staleAfter, TimeProvider time)
{
    /// <summary>What a heartbeat found.</summary>
    public enum Pulse
    {
        /// <summary>The run holds its lease and goes on.</summary>
        Alive,

        /// <summary>A cancel was requested (from any node).</summary>
        CancelRequested,

        /// <summary>The run was taken over (marked interrupted): it must stop writing.</summary>
        LeaseLost,
    }

    /// <summary>
    /// Marks a queued run as running on <paramref name="node"/>; false when it is not queued any more. A scheduled run
    /// of a sync that was disabled after it was queued is cancelled instead: disabling a sync stops its schedule.
    /// </summary>
    public async Task<bool> ClaimAsync(Guid runId, string node, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Set<Run>()
            .Where(r => r.Id == runId && r.Status == RunStatus.Queued && r.Trigger == RunTrigger.Schedule
                && !db.Set<Sync>().Any(s => s.Id == r.SyncId && s.Enabled))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RunStatus.Cancelled)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.ErrorMessage, RunMessages.SyncDisabled), cancellationToken);
        var claimed = await db.Set<Run>()
            .Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.Node, node)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.HeartbeatAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>The last committed state of every stream of <paramref name="syncId"/>.</summary>
    public async Task<Dictionary<string, JsonNode>> LoadCheckpointsAsync(Guid syncId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checkpoints = await db.Set<Checkpoint>().AsNoTracking().Where(c => c.SyncId == syncId).ToListAsync(cancellationToken);
        return checkpoints.ToDictionary(c => c.Stream, c => JsonNode.Parse(c.State)!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Commits a written batch in one transaction, fenced by the run's lease: the run's per-stream counts, the batch's
    /// checkpoints and its rejections. The records themselves were written by the sink (under the same lease) before
    /// this is called. Throws <see cref="RunLeaseLostException"/>, committing nothing, when the lease is gone.
    /// </summary>
    public async Task CommitAsync(Run run, PendingBatch batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();

        // First, so the run's row stays locked until commit: a takeover either happened before (nothing is written)
        // or waits for this commit and then finds the heartbeat fresh.
        await FenceAsync(db, run.Id, now, cancellationToken);
        var stats = await db.Set<RunStreamStats>().Where(s => s.RunId == run.Id).ToDictionaryAsync(s => s.Stream, StringComparer.Ordinal, cancellationToken);
        foreach (var (stream, counts) in batch.Counts)
        {
            if (!stats.TryGetValue(stream, out var row))
            {
                row = new RunStreamStats { RunId = run.Id, Stream = stream };
                db.Add(row);
            }

            row.RecordsRead += counts.Read;
            row.RecordsWritten += counts.Written;
            row.RecordsRejected += counts.Rejected;
        }

        var checkpoints = await db.Set<Checkpoint>().Where(c => c.SyncId == run.SyncId).ToDictionaryAsync(c => c.Stream, StringComparer.Ordinal, cancellationToken);
        foreach (var (stream, state) in batch.States)
        {
            if (!checkpoints.TryGetValue(stream, out var checkpoint))
            {
                checkpoint = new Checkpoint { SyncId = run.SyncId, Stream = stream, State = string.Empty };
                db.Add(checkpoint);
            }

            checkpoint.State = state.ToJsonString();
            checkpoint.RunId = run.Id;
            checkpoint.UpdatedAt = now;
        }

        foreach (var reject in batch.Rejects)
        {
            reject.CreatedAt = now;
            db.Add(reject);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Ends a run that read everything, in one transaction fenced by its lease: the checkpoints of its full-refresh
    /// streams are deleted (a finished full refresh starts over next time) and the run is marked succeeded.
    /// Throws <see cref="RunLeaseLostException"/>, changing nothing, when the lease is gone.
    /// </summary>
    public async Task SucceedAsync(Run run, IReadOnlyList<string> fullRefreshStreams, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await FenceAsync(db, run.Id, now, cancellationToken);
        if (fullRefreshStreams.Count > 0)
        {
            await db.Set<Checkpoint>().Where(c => c.SyncId == run.SyncId && fullRefreshStreams.Contains(c.Stream)).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Set<Run>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, RunStatus.Succeeded)
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Renews the lease of a running run; false when the run is not running any more (taken over).</summary>
    public async Task<bool> RenewLeaseAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RenewAsync(db, runId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Records a sign of life, and says whether the run should go on, stop on request, or stop writing.</summary>
    public async Task<Pulse> HeartbeatAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await RenewAsync(db, runId, time.GetUtcNow(), cancellationToken))
        {
            return Pulse.LeaseLost;
        }

        return await db.Set<Run>().Where(r => r.Id == runId).Select(r => r.CancelRequested).SingleAsync(cancellationToken)
            ? Pulse.CancelRequested
            : Pulse.Alive;
    }

    /// <summary>
    /// Records how a running run ended, if it still holds its lease; false when it was taken over meanwhile (the
    /// recovery run's record stands).
    /// </summary>
    public async Task<bool> FinishAsync(Guid runId, RunStatus status, RunFailure? failure) =>
        await EndAsync(runId, RunStatus.Running, status, failure);

    /// <summary>Records that a queued run could not start.</summary>
    public async Task RefuseAsync(Guid runId, RunFailure failure) =>
        await EndAsync(runId, RunStatus.Queued, RunStatus.Failed, failure);

    private async Task<bool> EndAsync(Guid runId, RunStatus from, RunStatus status, RunFailure? failure)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var ended = await db.Set<Run>().Where(r => r.Id == runId && r.Status == from).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.HeartbeatAt, now)
            .SetProperty(r => r.ErrorCategory, failure == null ? null : failure.Category)
            .SetProperty(r => r.ErrorStream, failure == null ? null : failure.Stream)
            .SetProperty(r => r.ErrorMessage, failure == null ? null : failure.Message)
            .SetProperty(r => r.FailedRequest, failure == null ? null : failure.FailedRequestJson));
        return ended == 1;
    }

    private async Task FenceAsync(HubDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The fence locks the run's row until commit: if this node froze now, the node taking over would wait on that
        // lock. PostgreSQL ends a transaction idle past StaleAfter, so the takeover goes on and this one commits nothing.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(StalledTransactions.Sql(staleAfter), cancellationToken);
        }

        if (!await RenewAsync(db, runId, now, cancellationToken))
        {
            throw new RunLeaseLostException(runId);
        }
    }

    private static async Task<bool> RenewAsync(HubDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<Run>().Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.HeartbeatAt, now), cancellationToken) == 1;
}
