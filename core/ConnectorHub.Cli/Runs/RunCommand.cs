using System.CommandLine;
using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Connections;
using ConnectorHub.Cli.Files;
using ConnectorHub.Cli.Hosting;

namespace ConnectorHub.Cli.Runs;

/// <summary><c>connectorhub run --config FILE</c>: runs a sync once, resuming from the checkpoints in the state store.</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var options = new RunOptions();
        var command = new Command("run",
            "Run a sync once from a sync file (YAML or JSON) against the plugins on disk. The sync, its connections and its " +
            "checkpoints live in a state store, so running it again resumes incrementally. Shows live progress per stream, then " +
            "a summary with the error of a failed run and the rejected records.");
        options.AddTo(command);
        command.SetHandler(globals, (parseResult, context, cancellationToken) => new SyncRun(context, options.Read(parseResult)).ExecuteAsync(cancellationToken));
        return command;
    }
}
