using System.CommandLine;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>Options every command accepts (declared once on the root command, recursive).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> PluginsDir { get; } = new("--plugins-dir")
    {
        Description = "Folder of installed connector plugins. Default: the 'plugins' folder next to connectorhub, else "
            + "artifacts/plugins of the repository when run from inside it.",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Write the engine's logs to standard error.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print a machine-readable JSON document on standard output instead of tables (errors too).",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(PluginsDir);
        root.Add(Verbose);
        root.Add(Json);
    }
}
