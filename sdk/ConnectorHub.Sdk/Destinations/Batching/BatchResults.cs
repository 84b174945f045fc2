namespace ConnectorHub.Sdk.Destinations.Batching;

/// <summary>
/// Collects one result per record of a batch, in the batch's order, whatever order the platform answers in; a record
/// that got no answer becomes a retry with the given reason, so no record is ever lost from the results.
/// </summary>
public sealed class BatchResults
{
    private readonly IReadOnlyList<DestinationRecord> _batch;
    private readonly RecordResult?[] _results;
    private readonly Dictionary<string, int> _index;

    /// <summary>Starts the results of <paramref name="batch"/>.</summary>
    public BatchResults(IReadOnlyList<DestinationRecord> batch)
    {
        _batch = batch ?? throw new ArgumentNullException(nameof(batch));
        _results = new RecordResult?[batch.Count];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            _index.TryAdd(batch[i].Key, i);
        }
    }

    /// <summary>Whether the record with <paramref name="key"/> has a result yet.</summary>
    public bool Has(string key) => _index.TryGetValue(key, out var i) && _results[i] is not null;

    /// <summary>Records <paramref name="result"/> for its record (the first result of a record wins).</summary>
    public void Set(RecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_index.TryGetValue(result.Key, out var i))
        {
            _results[i] ??= result;
        }
    }

    /// <summary>Every record without a result yet, in order.</summary>
    public IEnumerable<DestinationRecord> Pending() => _batch.Where((_, i) => _results[i] is null);

    /// <summary>The batch's results; records without an answer are retried later with <paramref name="unanswered"/> as the reason.</summary>
    public WriteBatchResult Complete(string unanswered) =>
        new(_batch.Select((record, i) => _results[i] ?? RecordResult.Retry(record.Key, unanswered)).ToArray());
}
