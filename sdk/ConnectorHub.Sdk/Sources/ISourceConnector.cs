using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Sdk.Sources;

/// <summary>
/// A connector that reads records from an external system. Four verbs: spec and check (from
/// <see cref="IConnector"/>), discover and read.
/// </summary>
public interface ISourceConnector : IConnector
{
    /// <summary>Lists the streams the configured account offers, with their schemas, keys and sync modes.</summary>
    Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the requested streams as an ordered sequence of messages: records, and after each page or slice
    /// that is safe to resume from, a <see cref="StateMessage"/> for that stream. The host commits a state only
    /// once every record emitted before it is committed downstream, and passes the last committed state back in
    /// the next <see cref="ReadRequest"/>.
    /// </summary>
    /// <remarks>
    /// Throw a <see cref="Errors.ConnectorException"/> subtype to classify a failure; report a record that cannot
    /// be read with a <see cref="RecordRejectedMessage"/> and go on.
    /// </remarks>
    IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, CancellationToken cancellationToken);
}
