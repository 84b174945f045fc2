using Microsoft.Extensions.Logging;
using AssemblyLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace ConnectorHub.Core.Plugins.HotReload;

/// <summary>
/// Plugin versions that a new version replaced (or whose folder was removed) and that may still be in use: a run
/// that started on a version keeps its connector until it ends. A retired version is unloaded once nothing holds
/// its plugin or connector any more, which the garbage collector tells (weak references).
/// </summary>
internal sealed class RetiredPlugins(ILogger<RetiredPlugins> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Retired> _retired = [];

    /// <summary>How many retired versions are still loaded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _retired.Count;
            }
        }
    }

    /// <summary>Keeps <paramref name="plugin"/>'s assemblies loaded until nothing uses it any more.</summary>
    public void Add(LoadedPlugin plugin)
    {
        if (plugin.Assemblies is not { } assemblies)
        {
            return;
        }

        lock (_gate)
        {
            _retired.Add(new Retired($"{plugin.Id} {plugin.Version}", new WeakReference(plugin), new WeakReference(plugin.ConnectorOrNull), assemblies));
        }
    }

    /// <summary>Unloads every retired version that nothing references any more; returns how many it unloaded.</summary>
    public int UnloadUnused()
    {
        Retired[] unused;
        lock (_gate)
        {
            unused = _retired.Where(r => !r.Plugin.IsAlive && !r.Connector.IsAlive).ToArray();
            _retired.RemoveAll(unused.Contains);
        }

        foreach (var retired in unused)
        {
            retired.Assemblies.Dispose();
            logger.LogInformation("Plugin {Plugin} is no longer in use; its assemblies are unloaded.", retired.Name);
        }

        return unused.Length;
    }

    private sealed record Retired(string Name, WeakReference Plugin, WeakReference Connector, AssemblyLoader Assemblies);
}
