namespace ConnectorHub.Sdk.Destinations;

/// <summary>The results of one batch, one per record.</summary>
public sealed record WriteBatchResult(IReadOnlyList<RecordResult> Results)
{
    /// <summary>Every record of <paramref name="batch"/> accepted.</summary>
    public static WriteBatchResult AllAccepted(IReadOnlyList<DestinationRecord> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Select(r => RecordResult.Accepted(r.Key)).ToArray());
    }

    /// <summary>How many records were accepted.</summary>
    public int AcceptedCount => Results.Count(r => r.Outcome == RecordOutcome.Accepted);
}
