using System.CommandLine;
using System.CommandLine.Invocation;
using ConnectorHub.Cli.Connections;
using ConnectorHub.Cli.Plugins;
using ConnectorHub.Cli.Runs;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>The <c>connectorhub</c> command tree, and running it with stable exit codes.</summary>
internal static class CliCommands
{
    /// <summary>How long a cancelled command may take to commit and stop before the process is ended.</summary>
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    public static RootCommand Create()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "connectorhub: run ConnectorHub syncs from the command line against the plugins on disk. Check and discover " +
            "connections, and run a sync once from a sync file, resuming incrementally from the checkpoints in a state store.")
        {
            PluginsCommand.Create(globals),
            ValidateCommand.Create(globals),
            CheckCommand.Create(globals),
            DiscoverCommand.Create(globals),
            RunCommand.Create(globals),
        };
        globals.AddTo(root);
        HelpWithExitCodes.Install(root);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parseResult = Create().Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = GracefulStop });

        // System.CommandLine reports parse errors with exit code 1; ours is 2, so 1 always means a failed run.
        return parseResult.Action is ParseErrorAction ? ExitCodes.InvalidUsage : exitCode;
    }
}
