using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Core.Tracking.Requests;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// What the writer does when a group commit fails. A failure of the store itself fails every request of the group
/// (503: clients retry). A failure the group's content may have caused is never charged to everyone: each request is
/// committed on its own, and a request that still fails is split in halves until the events the store refuses are
/// found; those are rejected with the store's reason and the request's other events are stored. So one bad sender
/// affects only itself.
/// </summary>
internal sealed class GroupRecovery(TrackingCommitter committer, ILogger logger)
{
    public async Task RecoverAsync(PendingWrite[] group, Exception failure, CancellationToken stoppingToken)
    {
        if (StoreFailure.IsTransient(failure))
        {
            Fail(group, failure);
            return;
        }

        logger.LogWarning(failure, "A tracking commit of {Requests} requests failed on its content; each request is committed on its own.", group.Length);
        foreach (var pending in group)
        {
            var rejected = new List<RejectedMessage>();
            try
            {
                await StoreOrRejectAsync(pending.Source, pending.Messages, rejected, stoppingToken);
                pending.Committed.TrySetResult(rejected);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }
            catch (Exception ex)
            {
                Fail([pending], ex);
            }
        }
    }

    public void Fail(PendingWrite[] group, Exception ex)
    {
        logger.LogError(ex, "A tracking commit of {Requests} requests failed; they are answered 503 and clients retry.", group.Length);
        foreach (var pending in group)
        {
            pending.Committed.TrySetException(new TrackingUnavailableException("The events could not be stored right now; retry the request.", ex));
        }
    }

    /// <summary>Commits <paramref name="messages"/>; when their content fails, halves them until the refused events are found.</summary>
    private async Task StoreOrRejectAsync(string source, IReadOnlyList<TrackingMessage> messages, List<RejectedMessage> rejected, CancellationToken cancellationToken)
    {
        try
        {
            var alone = new PendingWrite(source, messages);
            await committer.StoreAsync(await committer.ResolveAsync([alone], cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !StoreFailure.IsTransient(ex))
        {
            if (messages.Count == 1)
            {
                var message = messages[0];
                logger.LogWarning("Event {MessageId} of tracking source {Source} was refused by the store: {Reason}", message.MessageId, source, StoreFailure.Describe(ex));
                rejected.Add(new RejectedMessage(message.Index, message.MessageId, $"The store refused this event ({StoreFailure.Describe(ex)}); change what it names and send it again."));
                return;
            }

            var half = messages.Count / 2;
            await StoreOrRejectAsync(source, messages.Take(half).ToArray(), rejected, cancellationToken);
            await StoreOrRejectAsync(source, messages.Skip(half).ToArray(), rejected, cancellationToken);
        }
    }
}
