using System.CommandLine;
using ConnectorHub.Cli.Files;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>Runs a command's handler and turns its failures into a message and an exit code.</summary>
internal static class CommandActions
{
    public static void SetHandler(this Command command, GlobalOptions globals, Func<ParseResult, CliContext, CancellationToken, Task<int>> handler) =>
        command.SetAction((parseResult, cancellationToken) => InvokeAsync(parseResult, globals, handler, cancellationToken));

    private static async Task<int> InvokeAsync(ParseResult parseResult, GlobalOptions globals, Func<ParseResult, CliContext, CancellationToken, Task<int>> handler, CancellationToken cancellationToken)
    {
        var context = CliContext.From(parseResult, globals);
        try
        {
            return await handler(parseResult, context, cancellationToken);
        }
        catch (CliException ex)
        {
            context.Output.Fail(ex.ExitCode, ex.Message);
            return ex.ExitCode;
        }
        catch (InvalidFileException ex)
        {
            context.Output.Fail(ExitCodes.InvalidUsage, ex.Message);
            return ExitCodes.InvalidUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Output.Fail(ExitCodes.Cancelled, "Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            context.Output.Fail(ExitCodes.RunFailed, context.Verbose
                ? $"Unexpected {ex}"
                : $"Unexpected {ex.GetType().Name}: {ex.Message} (run with --verbose for details)");
            return ExitCodes.RunFailed;
        }
    }
}
