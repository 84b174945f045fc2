using ConnectorHub.Connectors.Acme.Checking;
using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Connectors.Acme.Writing;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme;

/// <summary>
/// Acme destination: upserts hub profiles (<see cref="AudienceMember"/> records) into Acme contacts, keyed by the
/// hub's record key so a replayed batch updates what it created instead of duplicating it. The hub creates this
/// class with its parameterless constructor and calls it from many threads, so it keeps no state in fields.
/// </summary>
public sealed class AcmeDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => AcmeSpec.Create();

    /// <inheritdoc />
    public DestinationCapabilities GetCapabilities() => new()
    {
        // The hub hands over up to 500 records at a time; the writer splits them into Acme's requests of 100.
        MaxBatchSize = 500,
        SupportedModes = [DestinationSyncMode.Upsert],
        SupportedOperations = [RecordOperation.Upsert],
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectionCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode != DestinationSyncMode.Upsert)
        {
            throw new ConfigurationException($"The Acme destination only upserts contacts; the sync asks for {request.Mode}. Set the sync's mode to Upsert.");
        }

        return Task.FromResult<IDestinationWriter>(new ContactsWriter(AcmeApi.Create(context), context.Logger));
    }
}
