using System.Threading.Channels;
using ConnectorHub.Core.Tracking.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Group commit: requests queue their messages; one loop takes everything queued (up to
/// <see cref="TrackingOptions.MaxEventsPerCommit"/> events), commits it in one transaction and then releases every
/// request it held. While a group commits the next one gathers, so under load each transaction carries many requests
/// and no request opens a transaction of its own.
/// </summary>
public sealed class TrackingWriter : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly TrackingCommitter _committer;
    private readonly IOptions<TrackingOptions> _options;
    private readonly ILogger<TrackingWriter> _logger;

    internal TrackingWriter(TrackingCommitter committer, IOptions<TrackingOptions> options, ILogger<TrackingWriter> logger)
    {
        _committer = committer;
        _options = options;
        _logger = logger;
    }

    /// <summary>Stores <paramref name="messages"/> of <paramref name="source"/>; completes once they are committed.</summary>
    public async Task WriteAsync(string source, IReadOnlyList<TrackingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var pending = new PendingWrite(source, messages);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Two groups in flight: one storing while the next resolves its people (the resolver's order is kept: group
        // n+1 resolves after group n, and stores after it).
        Task storing = Task.CompletedTask;
        var group = new List<PendingWrite>();
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

                var taken = group.ToArray();
                group.Clear();
                ResolvedGroup resolved;
                try
                {
                    resolved = await _committer.ResolveAsync(taken, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Fail(taken, ex);
                    continue;
                }

                await storing;
                storing = StoreAsync(taken, resolved, stoppingToken);
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
            foreach (var pending in group)
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var left))
            {
                left.Committed.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Stores a resolved group and releases its requests; never throws (a failure fails the group's requests).</summary>
    private async Task StoreAsync(PendingWrite[] group, ResolvedGroup resolved, CancellationToken stoppingToken)
    {
        try
        {
            await _committer.StoreAsync(resolved, stoppingToken);
            foreach (var pending in group)
            {
                pending.Committed.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var pending in group)
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }
        }
        catch (Exception ex)
        {
            Fail(group, ex);
        }
    }

    private void Fail(PendingWrite[] group, Exception ex)
    {
        _logger.LogError(ex, "A tracking commit of {Requests} requests failed; they are answered 503 and clients retry.", group.Length);
        foreach (var pending in group)
        {
            pending.Committed.TrySetException(new TrackingUnavailableException("The events could not be stored right now; retry the request.", ex));
        }
    }
}
