namespace ConnectorHub.Core.Runner;

/// <summary>How the runner batches, checkpoints and retries (section <c>ConnectorHub:Runner</c>).</summary>
public sealed class SyncRunnerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Runner";

    /// <summary>
    /// Records buffered before they are written and their checkpoint committed: the flush happens at the next
    /// checkpoint after this many records, or at twice this many. Default 1000.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Longest time records wait in the buffer before a flush, so slow sources still checkpoint. Default 5 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Source messages read ahead of the writer (back-pressure beyond this). Default 2000.</summary>
    public int ReadAhead { get; set; } = 2000;

    /// <summary>How often a running run proves it is alive and looks for a cancel request. Default 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running run whose heartbeat is older than this is considered dead (its node crashed). Default 60 s.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Times a run resumes from its last checkpoint after a transient failure before it fails. Default 5.</summary>
    public int MaxResumes { get; set; } = 5;

    /// <summary>First wait before resuming after a transient failure; doubles each time, with jitter. Default 2 s.</summary>
    public TimeSpan ResumeDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Times a record the destination asked to retry is sent again within the run. Default 3.</summary>
    public int MaxRecordRetries { get; set; } = 3;
}
