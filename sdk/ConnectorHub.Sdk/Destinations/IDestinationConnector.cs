using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Sdk.Destinations;

/// <summary>A connector that writes records (profiles, audience memberships, events) to an external system.</summary>
public interface IDestinationConnector : IConnector
{
    /// <summary>What the destination can do and its batch limits.</summary>
    DestinationCapabilities GetCapabilities();

    /// <summary>Opens a writer for one run of one stream (a session, in platforms that have them).</summary>
    Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken);
}
