namespace ConnectorHub.Sdk.Destinations;

/// <summary>
/// Writes batches for one run. Returning from <see cref="WriteAsync"/> is the acknowledgement: every record of
/// the batch is committed (or has its failure reported), so the host may persist the checkpoint that follows it.
/// </summary>
public interface IDestinationWriter : IAsyncDisposable
{
    /// <summary>
    /// Writes one batch (at most <see cref="DestinationCapabilities.MaxBatchSize"/> records) and returns one
    /// result per record. Throw a <see cref="Errors.ConnectorException"/> for a failure of the whole batch.
    /// </summary>
    Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken);

    /// <summary>Ends the run successfully (for example closes an upload session). Not called after a failure.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
