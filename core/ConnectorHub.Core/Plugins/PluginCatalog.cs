namespace ConnectorHub.Core.Plugins;

/// <summary>
/// The plugins the host serves, and the plugin folders it refused with their reasons. When a new version of a plugin
/// is installed the catalog switches to it at once; whoever looked a plugin up before keeps the version it got.
/// </summary>
public sealed class PluginCatalog
{
    private volatile Contents _contents;

    /// <summary>A catalog of <paramref name="plugins"/> and <paramref name="refusals"/>.</summary>
    public PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginRefusal> refusals)
    {
        _contents = new Contents(plugins, refusals);
    }

    /// <summary>Loaded plugins, by id order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _contents.Plugins;

    /// <summary>Refused plugin folders with their reasons.</summary>
    public IReadOnlyList<PluginRefusal> Refusals => _contents.Refusals;

    /// <summary>The plugin with <paramref name="id"/>, or null.</summary>
    public LoadedPlugin? Find(string id) => _contents.Plugins.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>The plugin with <paramref name="id"/>; throws a message listing the installed ones when missing.</summary>
    public LoadedPlugin Get(string id)
    {
        var contents = _contents;
        return contents.Plugins.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal)) ?? throw new KeyNotFoundException(
            $"No plugin with id '{id}' is installed. Installed: {string.Join(", ", contents.Plugins.Select(p => p.Id))}." +
            (contents.Refusals.FirstOrDefault(r => r.PluginId == id) is { } refusal ? $" A plugin '{id}' was refused: {refusal.Reason}" : string.Empty));
    }

    /// <summary>Switches to a new set of plugins and refusals, all at once.</summary>
    internal void Replace(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginRefusal> refusals) =>
        _contents = new Contents(plugins, refusals);

    private sealed class Contents(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginRefusal> refusals)
    {
        public IReadOnlyList<LoadedPlugin> Plugins { get; } = plugins.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();

        public IReadOnlyList<PluginRefusal> Refusals { get; } = refusals.ToArray();
    }
}
