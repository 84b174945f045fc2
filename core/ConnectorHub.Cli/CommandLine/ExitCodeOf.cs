using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>The exit code for an outcome of the engine.</summary>
internal static class ExitCodeOf
{
    /// <summary>A classified connector failure: configuration errors are 3, everything else a failed run (1).</summary>
    public static int Category(ErrorCategory category) =>
        category == ErrorCategory.Configuration ? ExitCodes.ConfigurationError : ExitCodes.RunFailed;

    /// <summary>A finished run: 0, 5 when records were rejected, 130 when cancelled, 3 or 1 when failed.</summary>
    public static int Run(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status switch
        {
            RunStatus.Succeeded => run.Streams.Any(s => s.RecordsRejected > 0) ? ExitCodes.PartialSuccess : ExitCodes.Success,
            RunStatus.Cancelled => ExitCodes.Cancelled,
            RunStatus.Failed when run.Error is { } error => Category(error.Category),
            _ => ExitCodes.RunFailed,
        };
    }
}
