using System.Text.Json.Nodes;

namespace ConnectorHub.Cli.Files;

/// <summary>A connection as a file describes it: a plugin and its configuration.</summary>
/// <param name="Role">What it is for: <c>source</c>, <c>destination</c>, or <c>connection</c> in a connection file.</param>
/// <param name="PluginId">The plugin's id.</param>
/// <param name="Config">The configuration, as the plugin's spec describes it.</param>
/// <param name="Field">Where it is in the file (<c>source</c>, <c>destination</c>, or empty for a connection file).</param>
internal sealed record FileConnection(string Role, string PluginId, JsonObject Config, string Field)
{
    /// <summary>The path of the plugin field in the file.</summary>
    public string PluginField => Prefix + "plugin";

    /// <summary>The path of a config field in the file (<paramref name="path"/> relative to the config object).</summary>
    public string ConfigField(string path) => path.Length == 0 ? Prefix + "config" : $"{Prefix}config.{path}";

    private string Prefix => Field.Length == 0 ? string.Empty : Field + ".";
}
