using System.Threading.Channels;
using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Core.Tracking.Requests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Group commit: requests queue their messages; one loop takes everything queued (up to
/// <see cref="TrackingOptions.MaxEventsPerCommit"/> events), commits it in one transaction and then releases every
/// request it held. While a group commits the next one gathers, so under load each transaction carries many requests
/// and no request opens a transaction of its own. A group that fails on its content is committed request by request
/// (<see cref="GroupRecovery"/>) as soon as it fails, so one request's content never fails another's.
/// </summary>
public sealed class TrackingWriter : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly TrackingCommitter _committer;
    private readonly GroupRecovery _recovery;
    private readonly IOptions<TrackingOptions> _options;

    // Held while a group resolves and while a failed group is recovered: the committer resolves one group at a time.
    private readonly SemaphoreSlim _resolving = new(1, 1);

    internal TrackingWriter(TrackingCommitter committer, IOptions<TrackingOptions> options, ILogger<TrackingWriter> logger)
    {
        _committer = committer;
        _recovery = new GroupRecovery(committer, logger);
        _options = options;
    }

    /// <summary>
    /// Stores <paramref name="messages"/> of <paramref name="source"/>; completes once they are committed, with the
    /// messages the store refused (each with its index and the store's reason), if any.
    /// </summary>
    /// <exception cref="TrackingUnavailableException">The store failed: none of the messages is known to be stored; retry.</exception>
    public async Task<IReadOnlyList<RejectedMessage>> WriteAsync(string source, IReadOnlyList<TrackingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var pending = new PendingWrite(source, messages);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Two groups in flight: one storing while the next resolves its people (the resolver's order is kept: group
        // n+1 resolves after group n, and stores after it).
        var storing = Task.CompletedTask;
        var group = new List<PendingWrite>();
        PendingWrite[] taken = [];
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var events = 0;
                while (events < _options.Value.MaxEventsPerCommit && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                    events += next.Messages.Count;
                }

                taken = group.ToArray();
                group.Clear();
                ResolvedGroup? resolved = null;
                Exception? resolveFailure = null;
                await _resolving.WaitAsync(stoppingToken);
                try
                {
                    resolved = await _committer.ResolveAsync(taken, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    resolveFailure = ex;
                }
                finally
                {
                    _resolving.Release();
                }

                await storing;
                storing = resolved is null ? RecoverAsync(taken, resolveFailure!, stoppingToken) : StoreAsync(taken, resolved, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was not committed, and its requests are told so.
        }
        finally
        {
            await storing;
            _queue.Writer.TryComplete();
            foreach (var pending in group.Concat(taken))
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var left))
            {
                left.Committed.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Stores a resolved group and releases its requests; never throws: a failed group is recovered.</summary>
    private async Task StoreAsync(PendingWrite[] group, ResolvedGroup resolved, CancellationToken stoppingToken)
    {
        try
        {
            await _committer.StoreAsync(resolved, stoppingToken);
            foreach (var pending in group)
            {
                pending.Committed.TrySetResult([]);
            }
        }
        catch (Exception ex)
        {
            await RecoverAsync(group, ex, stoppingToken);
        }
    }

    /// <summary>Recovers a failed group (never throws), holding the resolver so that no group resolves meanwhile.</summary>
    private async Task RecoverAsync(PendingWrite[] group, Exception failure, CancellationToken stoppingToken)
    {
        if (failure is OperationCanceledException && stoppingToken.IsCancellationRequested)
        {
            Cancel(group, stoppingToken);
            return;
        }

        try
        {
            await _resolving.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            Cancel(group, stoppingToken);
            return;
        }

        try
        {
            await _recovery.RecoverAsync(group, failure, stoppingToken);
        }
        finally
        {
            _resolving.Release();
        }
    }

    private static void Cancel(PendingWrite[] group, CancellationToken stoppingToken)
    {
        foreach (var pending in group)
        {
            pending.Committed.TrySetCanceled(stoppingToken);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _resolving.Dispose();
        base.Dispose();
    }
}
