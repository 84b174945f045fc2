namespace ConnectorHub.Core.Runner;

/// <summary>
/// Thrown when a run finds that it no longer holds its lease: its heartbeat went stale (the node stalled or lost the
/// database for longer than <see cref="SyncRunnerOptions.StaleAfter"/>), another node marked it interrupted and a
/// recovery run took over. The run must stop at once and write nothing more: not a record, not a checkpoint.
/// </summary>
public sealed class RunLeaseLostException(Guid runId)
    : Exception($"Run {runId} lost its lease: it was marked interrupted while this node was not heard from, and another run resumes it. It stops without writing anything more.")
{
    /// <summary>The run that lost its lease.</summary>
    public Guid RunId { get; } = runId;
}
