namespace ConnectorHub.Cli.CommandLine;

/// <summary>
/// The process exit codes scripts can rely on. They are part of the CLI's contract: documented in <c>--help</c> and
/// in docs/cli.md, and never renumbered.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The run failed for a transient or internal reason (or the CLI hit an unexpected error); run again to resume.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad command-line usage, or a sync/connection file that cannot be read or is invalid.</summary>
    public const int InvalidUsage = 2;

    /// <summary>A source, destination or state store refused its configuration (bad credentials, wrong settings).</summary>
    public const int ConfigurationError = 3;

    /// <summary><c>check</c>: the connection check failed.</summary>
    public const int CheckFailed = 4;

    /// <summary>The run succeeded but some records were rejected (listed with their reasons).</summary>
    public const int PartialSuccess = 5;

    /// <summary>Cancelled with Ctrl+C (SIGINT) or SIGTERM; what was read is committed and the next run resumes.</summary>
    public const int Cancelled = 130;

    /// <summary>Every code with its meaning, for help and docs.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success"),
        (RunFailed, "the run failed (transient or internal error); run again to resume from the last checkpoint"),
        (InvalidUsage, "usage error, or the sync/connection file is unreadable or invalid (the message names the field and line)"),
        (ConfigurationError, "configuration error: a source, destination or the state store refused its settings (bad credentials, ...)"),
        (CheckFailed, "check: the connection check failed"),
        (PartialSuccess, "partial success: the run succeeded but some records were rejected (listed with their reasons)"),
        (Cancelled, "cancelled (Ctrl+C); what was read is committed and the next run resumes"),
    ];
}
