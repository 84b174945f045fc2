using System.CommandLine;
using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Files;
using ConnectorHub.Cli.Hosting;
using Spectre.Console;

namespace ConnectorHub.Cli.Connections;

/// <summary>
/// <c>connectorhub validate --config FILE</c>: reads a connection or sync file and checks it against the installed
/// plugins' config specs, contacting nothing and storing nothing. For CI, before a file is used.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var config = ConfigFileOption.Create("A connection file (plugin: and config:) or a sync file. YAML or JSON.");
        var command = new Command("validate", "Check a connection or sync file against the plugins' config specs without contacting anything. Exits 0 when it is valid, 2 naming every problem and its line.") { config };
        command.SetHandler(globals, (parseResult, context, cancellationToken) => ValidateAsync(context, parseResult.GetRequiredValue(config)));
        return command;
    }

    private static async Task<int> ValidateAsync(CliContext context, string file)
    {
        var document = ConfigFileOption.Load(file);
        var connections = ConnectionReader.ReadAll(document);
        await using var session = HubSession.Open(context);
        var resolved = ConnectionResolver.Resolve(document, connections, session.Plugins, session.PluginsDirectory);
        if (context.Output.Json)
        {
            context.Output.WriteJson(new { Status = "valid", ExitCode = ExitCodes.Success, Connections = resolved.Select(r => new { r.Connection.Role, Plugin = r.Plugin.Id }) });
        }
        else
        {
            context.Output.Console.MarkupLine(Markup.Escape($"{Path.GetFileName(file)} is valid: {string.Join(", ", resolved.Select(r => $"{r.Connection.Role} {r.Plugin.Id}"))}."));
        }

        return ExitCodes.Success;
    }
}
