namespace ConnectorHub.Sdk.Destinations;

/// <summary>What a destination supports.</summary>
public sealed record DestinationCapabilities
{
    /// <summary>The most records the host sends in one <see cref="IDestinationWriter.WriteAsync"/> call.</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>The write modes the destination supports.</summary>
    public IReadOnlyList<DestinationSyncMode> SupportedModes { get; init; } = [DestinationSyncMode.Append];

    /// <summary>The record operations the destination understands.</summary>
    public IReadOnlyList<RecordOperation> SupportedOperations { get; init; } = [RecordOperation.Upsert];
}
