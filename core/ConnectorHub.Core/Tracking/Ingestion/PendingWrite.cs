using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Core.Tracking.Requests;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>One request's valid messages, waiting for the transaction that holds them to commit.</summary>
internal sealed class PendingWrite(string source, IReadOnlyList<TrackingMessage> messages)
{
    public string Source { get; } = source;

    public IReadOnlyList<TrackingMessage> Messages { get; } = messages;

    /// <summary>
    /// Completes when the messages are committed, with those the store refused (found by committing the request on its
    /// own after its group failed), or fails with the reason none is committed.
    /// </summary>
    public TaskCompletionSource<IReadOnlyList<RejectedMessage>> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
