using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Runner;

/// <summary>The runner's database work: claiming runs, committing flushes with their checkpoints, heartbeats, finishing.</summary>
internal sealed class RunProgressStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Marks a queued run as running on <paramref name="node"/>; false when it is not queued any more.</summary>
    public async Task<bool> ClaimAsync(Guid runId, string node, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
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
    /// Commits a written batch in one transaction: the run's per-stream counts, the batch's checkpoints and its
    /// rejections. The records themselves were committed by the sink before this is called.
    /// </summary>
    public async Task CommitAsync(Run run, PendingBatch batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
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

        await db.Set<Run>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.HeartbeatAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the checkpoints of <paramref name="streams"/> of <paramref name="syncId"/>.</summary>
    public async Task ForgetCheckpointsAsync(Guid syncId, IReadOnlyList<string> streams)
    {
        if (streams.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<Checkpoint>().Where(c => c.SyncId == syncId && streams.Contains(c.Stream)).ExecuteDeleteAsync();
    }

    /// <summary>Records a sign of life; returns whether a cancel was requested (from any node).</summary>
    public async Task<bool> HeartbeatAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Set<Run>().Where(r => r.Id == runId).ExecuteUpdateAsync(u => u.SetProperty(r => r.HeartbeatAt, now), cancellationToken);
        return await db.Set<Run>().Where(r => r.Id == runId).Select(r => r.CancelRequested).SingleAsync(cancellationToken);
    }

    /// <summary>Records how the run ended.</summary>
    public async Task FinishAsync(Guid runId, RunStatus status, RunFailure? failure)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.Set<Run>().Where(r => r.Id == runId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.HeartbeatAt, now)
            .SetProperty(r => r.ErrorCategory, failure == null ? null : failure.Category)
            .SetProperty(r => r.ErrorStream, failure == null ? null : failure.Stream)
            .SetProperty(r => r.ErrorMessage, failure == null ? null : failure.Message)
            .SetProperty(r => r.FailedRequest, failure == null ? null : failure.FailedRequestJson));
    }
}
