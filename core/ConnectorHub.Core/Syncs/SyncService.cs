using System.Text.Json;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Syncs;

/// <summary>Creates, changes and deletes syncs, keeping the scheduler in step.</summary>
public sealed class SyncService(
    IDbContextFactory<HubDbContext> dbFactory,
    Connections.ConnectionService connections,
    IEnumerable<ISyncChangeListener> listeners,
    TimeProvider time)
{
    private readonly SyncValidator _validator = new(connections, time);

    /// <summary>All syncs, by name.</summary>
    public async Task<IReadOnlyList<SyncView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Set<Sync>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(SyncView.From).ToArray();
    }

    /// <summary>One sync.</summary>
    public async Task<SyncView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return SyncView.From(await FindAsync(db, id, cancellationToken));
    }

    /// <summary>Validates and saves a new sync.</summary>
    public async Task<SyncView> CreateAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _validator.ValidateAsync(db, null, request, cancellationToken);
        var now = time.GetUtcNow();
        var sync = new Sync { Id = Guid.NewGuid(), Name = request.Name.Trim(), Streams = "[]", CreatedAt = now };
        Apply(sync, request, now);
        db.Add(sync);
        await db.SaveChangesAsync(cancellationToken);
        await NotifySavedAsync(sync, cancellationToken);
        return SyncView.From(sync);
    }

    /// <summary>Validates and saves changes to a sync; its checkpoints are kept.</summary>
    public async Task<SyncView> UpdateAsync(Guid id, SyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sync = await FindAsync(db, id, cancellationToken);
        await _validator.ValidateAsync(db, id, request, cancellationToken);
        sync.Name = request.Name.Trim();
        Apply(sync, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await CancelQueuedRunsIfDisabledAsync(db, sync, cancellationToken);
        await NotifySavedAsync(sync, cancellationToken);
        return SyncView.From(sync);
    }

    /// <summary>Turns a sync's schedule on or off.</summary>
    public async Task<SyncView> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sync = await FindAsync(db, id, cancellationToken);
        sync.Enabled = enabled;
        sync.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await CancelQueuedRunsIfDisabledAsync(db, sync, cancellationToken);
        await NotifySavedAsync(sync, cancellationToken);
        return SyncView.From(sync);
    }

    /// <summary>Deletes a sync with its runs and checkpoints.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Remove(await FindAsync(db, id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.DeletedAsync(id, cancellationToken);
        }
    }

    internal static async Task<Sync> FindAsync(HubDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Sync>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFoundException.For("sync", id);

    private static void Apply(Sync sync, SyncRequest request, DateTimeOffset now)
    {
        sync.SourceConnectionId = request.SourceConnectionId;
        sync.DestinationConnectionId = request.DestinationConnectionId;
        sync.Streams = JsonSerializer.Serialize(request.Streams, SyncView.StreamJson);
        sync.DestinationSettings = (request.DestinationSettings ?? []).ToJsonString();
        sync.ScheduleCron = string.IsNullOrWhiteSpace(request.ScheduleCron) ? null : request.ScheduleCron.Trim();
        sync.ScheduleTimeZone = string.IsNullOrWhiteSpace(request.ScheduleTimeZone) ? null : request.ScheduleTimeZone.Trim();
        sync.Enabled = request.Enabled;
        sync.UpdatedAt = now;
    }

    /// <summary>A disabled sync runs nothing more: its queued runs are cancelled (one already running goes on).</summary>
    private async Task CancelQueuedRunsIfDisabledAsync(HubDbContext db, Sync sync, CancellationToken cancellationToken)
    {
        if (sync.Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.Set<Run>().Where(r => r.SyncId == sync.Id && r.Status == RunStatus.Queued).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, RunStatus.Cancelled)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.ErrorMessage, RunMessages.SyncDisabled), cancellationToken);
    }

    private async Task NotifySavedAsync(Sync sync, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            await listener.SavedAsync(sync, cancellationToken);
        }
    }
}
