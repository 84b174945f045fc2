namespace ConnectorHub.Core.Plugins;

/// <summary>Where plugins are loaded from, what they may reach and how new versions are picked up (section <c>ConnectorHub:Plugins</c>).</summary>
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

    /// <summary>
    /// Hot reload: whether the hub watches the plugins directory and loads new plugins and new versions of installed
    /// ones without a restart. Default true.
    /// </summary>
    public bool HotReload { get; set; } = true;

    /// <summary>
    /// How long nothing in the plugins directory must change before the hub reloads it, so a folder being copied is
    /// read once it is whole. Default 2 s.
    /// </summary>
    public TimeSpan ReloadQuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The plugins directory as a full path.</summary>
    internal string FullDirectory => Path.GetFullPath(Directory, AppContext.BaseDirectory);
}
