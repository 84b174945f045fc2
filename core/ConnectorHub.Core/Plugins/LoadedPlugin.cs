using System.Runtime.Loader;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Sources;
using AssemblyLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace ConnectorHub.Core.Plugins;

/// <summary>
/// A plugin the host loaded: its manifest, folder, spec and connector instance. A run keeps the instance it started
/// with, so when a new version of the plugin is installed the run finishes on this one.
/// </summary>
public sealed class LoadedPlugin
{
    private AssemblyLoader? _assemblies;
    private IConnector? _connector;

    internal LoadedPlugin(PluginManifest manifest, string directory, PluginFolderFingerprint fingerprint, AssemblyLoader? assemblies, IConnector connector, ConnectorSpec spec)
    {
        Manifest = manifest;
        Directory = directory;
        Fingerprint = fingerprint;
        _assemblies = assemblies;
        _connector = connector;
        Spec = spec;
    }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin's id.</summary>
    public string Id => Manifest.Id;

    /// <summary>The plugin's version, from its manifest.</summary>
    public string Version => Manifest.Version;

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

    /// <summary>What the folder held when the plugin was loaded, to notice a new version dropped into it.</summary>
    internal PluginFolderFingerprint Fingerprint { get; }

    /// <summary>The plugin's load context, for unload verification in tests.</summary>
    internal AssemblyLoadContext? LoadContext => _assemblies?.LoadContext;

    /// <summary>The connector instance, or null once unloaded; the hot reload watches it to know when a version is no longer in use.</summary>
    internal IConnector? ConnectorOrNull => _connector;

    /// <summary>The assemblies, for the hot reload to unload once nothing uses this version any more.</summary>
    internal AssemblyLoader? Assemblies => _assemblies;

    /// <summary>
    /// Starts unloading the plugin's assemblies. Unloading completes once nothing references the plugin's types
    /// (statics, timers and event handlers in the plugin keep it alive).
    /// </summary>
    public void Unload()
    {
        _connector = null;
        _assemblies?.Dispose();
        _assemblies = null;
    }
}
