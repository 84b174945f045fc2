using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Leases;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// Executes sync runs on this node. Whatever starts a run (the scheduler, the API, the command line) comes here:
/// a run is first queued (it gets its id), then claimed and executed; never two runs of one sync at once.
/// </summary>
public sealed class SyncRunner(
    IDbContextFactory<HubDbContext> dbFactory,
    PluginCatalog catalog,
    ConnectorContextFactory contexts,
    IStreamMapperFactory mappers,
    IEnumerable<IHubSinkFactory> hubSinks,
    RunCancellations cancellations,
    IOptions<SyncRunnerOptions> options,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    private readonly RunProgressStore _store = new(dbFactory, options.Value.StaleAfter, time);

    /// <summary>The name this node records on the runs it executes.</summary>
    public static string NodeName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Queues a run of <paramref name="syncId"/> and returns its id; execute it with <see cref="ExecuteAsync"/>.</summary>
    public async Task<Guid> QueueAsync(Guid syncId, RunTrigger trigger, Guid? resumedRunId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Syncs.Sync>().AnyAsync(s => s.Id == syncId, cancellationToken))
        {
            throw NotFoundException.For("sync", syncId);
        }

        var run = new Run { Id = Guid.NewGuid(), SyncId = syncId, Trigger = trigger, Status = RunStatus.Queued, QueuedAt = time.GetUtcNow(), ResumedRunId = resumedRunId };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>
    /// Queues the run of a scheduled fire time; null when another node already queued it (every scheduled run
    /// executes once, however many nodes share the schedule).
    /// </summary>
    public async Task<Guid?> QueueScheduledAsync(Guid syncId, DateTimeOffset fireTime, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new Run { Id = Guid.NewGuid(), SyncId = syncId, Trigger = RunTrigger.Schedule, Status = RunStatus.Queued, QueuedAt = time.GetUtcNow(), ScheduledFor = fireTime };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run.Id;
        }
        catch (DbUpdateException ex) when (ex.ToString().Contains("scheduled_for", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Queues and executes a run at once; returns when it ends.</summary>
    public async Task<Run> RunAsync(Guid syncId, RunTrigger trigger, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(await QueueAsync(syncId, trigger, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Claims a queued run and executes it to its end: succeeded, failed (classified, with the failed request), or
    /// cancelled (by <paramref name="cancellationToken"/> or a cancel request). Returns the finished run.
    /// </summary>
    public async Task<Run> ExecuteAsync(Guid runId, CancellationToken cancellationToken = default) =>
        await ClaimAsync(runId, cancellationToken) ? await ExecuteClaimedAsync(runId, cancellationToken) : await LoadAsync(runId);

    /// <summary>Whether a run of <paramref name="syncId"/> is running now (on any node).</summary>
    public async Task<bool> IsRunningAsync(Guid syncId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Run>().AnyAsync(r => r.SyncId == syncId && r.Status == RunStatus.Running, cancellationToken);
    }

    /// <summary>
    /// Marks a queued run as running on this node; false when it is not queued any more, or when another run of its
    /// sync is running (then it is marked failed, saying so). Execute a claimed run with <see cref="ExecuteClaimedAsync"/>.
    /// </summary>
    public async Task<bool> ClaimAsync(Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.ClaimAsync(runId, NodeName, cancellationToken);
        }
        catch (Exception ex) when (IsOneRunningPerSyncViolation(ex))
        {
            await _store.RefuseAsync(runId, new RunFailure(ErrorCategory.Transient,
                "Another run of this sync is in progress, so this one did not start. Wait for it to end, or cancel it.", null, null));
            return false;
        }
    }

    /// <summary>Executes a run this node claimed (<see cref="ClaimAsync"/>) to its end, and returns it.</summary>
    public async Task<Run> ExecuteClaimedAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await LoadAsync(runId);
        var lease = new Lease(ct => _store.RenewLeaseAsync(runId, ct), () => new RunLeaseLostException(runId), options.Value.StaleAfter, time);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellations.Register(runId, cancel);
        await using var heartbeat = new LeaseHeartbeat(
            async token =>
            {
                var pulse = await _store.HeartbeatAsync(runId, token);
                if (pulse == RunProgressStore.Pulse.CancelRequested)
                {
                    cancellations.Cancel(runId);
                }

                return pulse != RunProgressStore.Pulse.LeaseLost;
            },
            async () =>
            {
                lease.Lose();
                await cancel.CancelAsync();
            },
            options.Value.HeartbeatInterval, time, logger, $"Run {runId}");
        try
        {
            await using var setup = await RunSetup.LoadAsync(run.SyncId, runId, dbFactory, catalog, contexts, mappers, hubSinks.FirstOrDefault(), cancel.Token);
            logger.LogInformation("Run {RunId} of sync '{Sync}' started ({Trigger}).", runId, setup.Sync.Name, run.Trigger);
            await new RunExecution(run, setup, lease, _store, options.Value, time, logger).ExecuteAsync(cancel.Token);
        }
        catch (Exception ex) when (lease.IsLost || ex is RunLeaseLostException)
        {
            // Taken over while this node was not heard from: the recovery run owns the sync now. Record nothing.
            logger.LogError("Run {RunId} lost its lease (it was marked interrupted while this node was stalled or cut off for longer than {StaleAfter}) and a recovery run resumes it; this node stopped it without writing anything more.",
                runId, options.Value.StaleAfter);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && cancellations.WasRequested(runId))
        {
            logger.LogInformation("Run {RunId} was cancelled; the next run resumes from its last checkpoint.", runId);
            await FinishAsync(runId, RunStatus.Cancelled, null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Not asked for: the node is shutting down. Another node (or this one, restarted) resumes the run.
            logger.LogWarning("Run {RunId} was interrupted by shutdown; it will resume from its last checkpoint.", runId);
            await FinishAsync(runId, RunStatus.Interrupted, null);
        }
        catch (Exception ex)
        {
            var failure = RunFailure.From(ex, null);
            logger.Log(failure.Category == ErrorCategory.Internal ? LogLevel.Error : LogLevel.Warning, ex, "Run {RunId} failed ({Category}): {Message}", runId, failure.Category, failure.Message);
            await FinishAsync(runId, RunStatus.Failed, failure);
        }
        finally
        {
            cancellations.Unregister(runId);
        }

        return await LoadAsync(runId);
    }

    private async Task FinishAsync(Guid runId, RunStatus status, RunFailure? failure)
    {
        if (!await _store.FinishAsync(runId, status, failure))
        {
            logger.LogError("Run {RunId} ended ({Status}) after it had been taken over by a recovery run; its end is not recorded.", runId, status);
        }
    }

    private static bool IsOneRunningPerSyncViolation(Exception ex) =>
        ex is System.Data.Common.DbException or DbUpdateException
        && (ex.ToString().Contains("ux_runs_one_running_per_sync", StringComparison.Ordinal)
            || ex.ToString().Contains("UNIQUE constraint failed: runs.sync_id", StringComparison.Ordinal));

    private async Task<Run> LoadAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Run>().AsNoTracking().Include(r => r.Streams).SingleAsync(r => r.Id == runId);
    }
}
