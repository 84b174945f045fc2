using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Core.Plugins;

/// <summary>A plugin the host loaded: its manifest, folder, spec and connector instance.</summary>
public sealed class LoadedPlugin
{
    private PluginLoadContext? _context;
    private IConnector? _connector;

    internal LoadedPlugin(PluginManifest manifest, string directory, PluginLoadContext context, IConnector connector, ConnectorSpec spec)
    {
        Manifest = manifest;
        Directory = directory;
        _context = context;
        _connector = connector;
        Spec = spec;
    }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin's id.</summary>
    public string Id => Manifest.Id;

    /// <summary>The folder the plugin was loaded from (default mappings and README live here).</summary>
    public string Directory { get; }

    /// <summary>The connector's configuration spec.</summary>
    public ConnectorSpec Spec { get; }

    /// <summary>The connector instance.</summary>
    public IConnector Connector => _connector ?? throw new ObjectDisposedException(Id, $"The plugin '{Id}' was unloaded.");

    /// <summary>The connector as a source; throws when the plugin is a destination.</summary>
    public ISourceConnector Source => Connector as ISourceConnector
        ?? throw new InvalidOperationException($"The plugin '{Id}' is a {Manifest.Kind.ToString().ToLowerInvariant()}, not a source.");

    /// <summary>The connector as a destination; throws when the plugin is a source.</summary>
    public IDestinationConnector Destination => Connector as IDestinationConnector
        ?? throw new InvalidOperationException($"The plugin '{Id}' is a {Manifest.Kind.ToString().ToLowerInvariant()}, not a destination.");

    /// <summary>The load context, for unload verification in tests.</summary>
    internal PluginLoadContext? LoadContext => _context;

    /// <summary>
    /// Starts unloading the plugin's assemblies. Unloading completes once nothing references the plugin's types
    /// (statics, timers and event handlers in the plugin keep it alive).
    /// </summary>
    public void Unload()
    {
        _connector = null;
        _context?.Unload();
        _context = null;
    }
}
