using System.CommandLine;
using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Hosting;
using ConnectorHub.Core.Connections;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using Spectre.Console;

namespace ConnectorHub.Cli.Connections;

/// <summary><c>connectorhub check --config FILE</c>: checks a connection (or a sync file's source and destination) against the real system.</summary>
internal static class CheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Command Create(GlobalOptions globals)
    {
        var config = ConfigFileOption.Create("A connection file (plugin: and config:) or a sync file (its source and destination are checked). YAML or JSON.");
        var command = new Command("check", "Check that a connection's configuration works: credentials accepted, account reachable. Nothing is stored.") { config };
        command.SetHandler(globals, (parseResult, context, cancellationToken) => CheckAsync(context, parseResult.GetRequiredValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> CheckAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        var document = ConfigFileOption.Load(file);
        var connections = Files.ConnectionReader.ReadAll(document);
        await using var session = HubSession.Open(context);
        var resolved = ConnectionResolver.Resolve(document, connections, session.Plugins, session.PluginsDirectory);
        var contexts = session.Get<ConnectorContextFactory>();

        var results = new List<CheckOutcome>();
        foreach (var connection in resolved)
        {
            var result = await RunCheckAsync(connection, contexts, cancellationToken);
            results.Add(new CheckOutcome(connection.Connection.Role, connection.Plugin.Id, result.Succeeded, result.Message));
        }

        var exitCode = results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.CheckFailed;
        Write(context, results, exitCode);
        return exitCode;
    }

    private static async Task<CheckResult> RunCheckAsync(ResolvedConnection connection, ConnectorContextFactory contexts, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await connection.Plugin.Connector.CheckAsync(contexts.ForConfig(connection.Plugin, connection.Connection.Config), timeout.Token);
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failure($"The check got no answer within {Timeout.TotalSeconds:0} s. Is the address right and reachable from here?");
        }
    }

    private static void Write(CliContext context, IReadOnlyList<CheckOutcome> results, int exitCode)
    {
        var output = context.Output;
        if (output.Json)
        {
            output.WriteJson(new { Status = exitCode == ExitCodes.Success ? "succeeded" : "failed", ExitCode = exitCode, Checks = results });
            return;
        }

        foreach (var result in results)
        {
            var verdict = result.Succeeded ? "[green]succeeded[/]" : "[red]failed[/]";
            var message = string.IsNullOrWhiteSpace(result.Message) ? string.Empty : $": {Markup.Escape(result.Message)}";
            output.Console.MarkupLine($"Check of the {result.Role} ({Markup.Escape(result.Plugin)}) {verdict}{message}");
        }
    }

    private sealed record CheckOutcome(string Role, string Plugin, bool Succeeded, string? Message);
}
