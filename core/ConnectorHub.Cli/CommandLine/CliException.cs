namespace ConnectorHub.Cli.CommandLine;

/// <summary>A failure the CLI reports as a message and an exit code, without a stack trace.</summary>
internal sealed class CliException(int exitCode, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>A usage or invalid-file error.</summary>
    public static CliException Usage(string message) => new(ExitCodes.InvalidUsage, message);

    /// <summary>A configuration error.</summary>
    public static CliException Configuration(string message, Exception? innerException = null) => new(ExitCodes.ConfigurationError, message, innerException);
}
