using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.HubSpot.Checking;
using ConnectorHub.Connectors.HubSpot.Configuration;
using ConnectorHub.Connectors.HubSpot.Http;
using ConnectorHub.Connectors.HubSpot.Reading;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot;

/// <summary>
/// HubSpot CRM v3 source: contacts, companies and deals. Full refresh pages the list endpoint (resumable by its
/// <c>after</c> cursor); incremental searches on the last-modified property, oldest first, with a checkpoint per
/// page and new search windows past HubSpot's 10,000-result cap. Authenticates with a private-app token or OAuth
/// (rotated refresh tokens are persisted as issued).
/// </summary>
public sealed class HubSpotSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => HubSpotSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectionCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>(CrmStream.All.Select(s => s.Describe()).ToArray());

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        using var api = HubSpotApi.Create(context);
        foreach (var configured in request.Streams)
        {
            var stream = CrmStream.Find(configured.Name)
                ?? throw new ConfigurationException($"HubSpot has no stream '{configured.Name}'; use contacts, companies or deals.");
            var state = request.StateOf(stream.Name);
            var messages = configured.SyncMode == SyncMode.Incremental
                ? IncrementalReader.ReadAsync(api, stream, state, cancellationToken)
                : FullRefreshReader.ReadAsync(api, stream, state, cancellationToken);
            await foreach (var message in messages)
            {
                yield return message;
            }
        }
    }
}
