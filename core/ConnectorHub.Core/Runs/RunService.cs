using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Runs;

/// <summary>Reads run history and requests cancellation.</summary>
public sealed class RunService(IDbContextFactory<HubDbContext> dbFactory, RunCancellations cancellations)
{
    /// <summary>Runs matching <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<RunView>> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 200)
        {
            throw new HubValidationException("limit", "The limit must be between 1 and 200.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Set<Run>().AsNoTracking().Include(r => r.Streams).AsQueryable();
        runs = query.SyncId is { } syncId ? runs.Where(r => r.SyncId == syncId) : runs;
        runs = query.Status is { } status ? runs.Where(r => r.Status == status) : runs;
        runs = query.From is { } from ? runs.Where(r => r.QueuedAt >= from) : runs;
        runs = query.To is { } to ? runs.Where(r => r.QueuedAt < to) : runs;
        var page = await runs.OrderByDescending(r => r.QueuedAt).Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken);
        return page.Select(RunView.From).ToArray();
    }

    /// <summary>One run with its counts and error.</summary>
    public async Task<RunView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<Run>().AsNoTracking().Include(r => r.Streams).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return RunView.From(run ?? throw NotFoundException.For("run", id));
    }

    /// <summary>The records a run set aside, in order.</summary>
    public async Task<IReadOnlyList<RejectedRecord>> RejectsAsync(Guid runId, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Run>().AnyAsync(r => r.Id == runId, cancellationToken))
        {
            throw NotFoundException.For("run", runId);
        }

        return await db.Set<RejectedRecord>().AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Id)
            .Skip(offset).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Asks a queued or running run to stop. A run on this node stops at once; one on another node within a
    /// heartbeat. Either way it commits what it read, so the next run resumes from there.
    /// </summary>
    public async Task<RunView> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<Run>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFoundException.For("run", id);
        if (run.Status is RunStatus.Queued)
        {
            run.Status = RunStatus.Cancelled;
        }
        else if (run.Status is not RunStatus.Running)
        {
            throw new HubValidationException("id", $"The run already ended ({run.Status}); there is nothing to cancel.");
        }

        run.CancelRequested = true;
        await db.SaveChangesAsync(cancellationToken);
        cancellations.Cancel(id);
        return await GetAsync(id, cancellationToken);
    }
}
