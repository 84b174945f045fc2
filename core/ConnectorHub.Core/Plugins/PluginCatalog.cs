namespace ConnectorHub.Core.Plugins;

/// <summary>The plugins the host loaded, and the plugin folders it refused with their reasons.</summary>
public sealed class PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginRefusal> refusals)
{
    /// <summary>Loaded plugins, by id order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; } = plugins.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Refused plugin folders with their reasons.</summary>
    public IReadOnlyList<PluginRefusal> Refusals { get; } = refusals;

    /// <summary>The plugin with <paramref name="id"/>, or null.</summary>
    public LoadedPlugin? Find(string id) => Plugins.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>The plugin with <paramref name="id"/>; throws a message listing the installed ones when missing.</summary>
    public LoadedPlugin Get(string id) => Find(id) ?? throw new KeyNotFoundException(
        $"No plugin with id '{id}' is installed. Installed: {string.Join(", ", Plugins.Select(p => p.Id))}." +
        (Refusals.Any(r => r.PluginId == id) ? $" A plugin '{id}' was refused: {Refusals.First(r => r.PluginId == id).Reason}" : string.Empty));
}
