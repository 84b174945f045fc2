using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.Acme.Checking;
using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Connectors.Acme.Reading;
using ConnectorHub.Connectors.Acme.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Acme;

/// <summary>
/// Acme source: reads the <c>contacts</c> stream, as a full refresh (resumable by the page cursor) or incrementally
/// (contacts updated at or after the last cursor, a checkpoint per page). The hub creates this class with its
/// parameterless constructor and calls it from many threads, so it keeps no state in fields.
/// </summary>
public sealed class AcmeSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => AcmeSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectionCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([ContactsStream.Describe()]);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        using var api = AcmeApi.Create(context);
        foreach (var configured in request.Streams)
        {
            if (configured.Name != ContactsStream.Name)
            {
                throw new ConfigurationException($"Acme has no stream '{configured.Name}'; the only stream is '{ContactsStream.Name}'. Remove it from the sync.");
            }

            var state = request.StateOf(configured.Name);
            var messages = configured.SyncMode == SyncMode.Incremental
                ? IncrementalReader.ReadAsync(api, state, cancellationToken)
                : FullRefreshReader.ReadAsync(api, state, cancellationToken);
            await foreach (var message in messages)
            {
                yield return message;
            }
        }
    }
}
