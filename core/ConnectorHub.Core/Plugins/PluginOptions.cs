namespace ConnectorHub.Core.Plugins;

/// <summary>Where plugins are loaded from and what they may reach (section <c>ConnectorHub:Plugins</c>).</summary>
public sealed class PluginOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Plugins";

    /// <summary>The plugins directory; relative paths are relative to the app's base directory. Default: <c>plugins</c>.</summary>
    public string Directory { get; set; } = "plugins";

    /// <summary>
    /// Whether plugins may call loopback addresses (127.0.0.1, localhost) whatever their manifest allows: on for
    /// the sandbox emulators, demo mode and tests; turn it off in production.
    /// </summary>
    public bool AllowLoopbackHosts { get; set; } = true;
}
