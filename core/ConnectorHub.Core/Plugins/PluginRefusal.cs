namespace ConnectorHub.Core.Plugins;

/// <summary>A plugin folder the host refused to load, and why.</summary>
/// <param name="Directory">The plugin's folder.</param>
/// <param name="PluginId">The id from its manifest, when the manifest could be read.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record PluginRefusal(string Directory, string? PluginId, string Reason);
