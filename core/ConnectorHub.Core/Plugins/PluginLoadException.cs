namespace ConnectorHub.Core.Plugins;

/// <summary>A plugin was refused; the message names the plugin and says how to fix it.</summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public PluginLoadException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
