using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Runner;

/// <summary>Where a run's records go: a destination connector, or the hub's own profile store.</summary>
public interface IRecordSink : IAsyncDisposable
{
    /// <summary>The most records one <see cref="WriteAsync"/> call takes.</summary>
    int MaxBatchSize { get; }

    /// <summary>Writes and commits records of <paramref name="stream"/>; returns one result per record.</summary>
    Task<IReadOnlyList<RecordResult>> WriteAsync(string stream, IReadOnlyList<DestinationRecord> records, CancellationToken cancellationToken);

    /// <summary>Ends a successful run.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
