namespace ConnectorHub.Core.Plugins;

/// <summary>What a plugin's entry type implements.</summary>
public enum PluginKind
{
    /// <summary>An <see cref="Sdk.Sources.ISourceConnector"/>.</summary>
    Source,

    /// <summary>An <see cref="Sdk.Destinations.IDestinationConnector"/>.</summary>
    Destination,
}
