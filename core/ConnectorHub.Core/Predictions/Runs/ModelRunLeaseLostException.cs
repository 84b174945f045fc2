namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>
/// Thrown when a training run finds its row no longer running: its node was not heard from for longer than
/// <see cref="PredictionOptions.StaleAfter"/> and another run took the model over. It stops at once, writing nothing more.
/// </summary>
public sealed class ModelRunLeaseLostException(long runId)
    : Exception($"Model run {runId} lost its lease: it was closed while this node was not heard from, and another run took the model over. It stops without writing anything more.")
{
    /// <summary>The run that lost its lease.</summary>
    public long RunId { get; } = runId;
}
