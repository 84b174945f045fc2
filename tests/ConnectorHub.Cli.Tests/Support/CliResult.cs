namespace ConnectorHub.Cli.Tests.Support;

/// <summary>How a run of the CLI ended: its exit code and everything it wrote.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output and standard error, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
