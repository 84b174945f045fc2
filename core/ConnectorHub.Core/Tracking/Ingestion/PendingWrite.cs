using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>One request's valid messages, waiting for the transaction that holds them to commit.</summary>
internal sealed class PendingWrite(string source, IReadOnlyList<TrackingMessage> messages)
{
    public string Source { get; } = source;

    public IReadOnlyList<TrackingMessage> Messages { get; } = messages;

    /// <summary>Completes when the messages are committed, or fails with the reason they are not.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
