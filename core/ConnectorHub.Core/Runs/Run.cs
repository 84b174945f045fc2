using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Core.Runs;

/// <summary>One execution of a sync.</summary>
public sealed class Run
{
    /// <summary>Identity.</summary>
    public Guid Id { get; set; }

    /// <summary>The sync it executes.</summary>
    public Guid SyncId { get; set; }

    /// <summary>What started it.</summary>
    public RunTrigger Trigger { get; set; }

    /// <summary>Where it is.</summary>
    public RunStatus Status { get; set; }

    /// <summary>When it was requested.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>For a scheduled run, the fire time of the schedule that started it.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    /// <summary>When it started moving records.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Last sign of life from the node running it.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The node running it.</summary>
    public string? Node { get; set; }

    /// <summary>Set by a cancel request; the running node stops at its next batch.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The interrupted run this one resumes, for recovery runs.</summary>
    public Guid? ResumedRunId { get; set; }

    /// <summary>The failure's category.</summary>
    public ErrorCategory? ErrorCategory { get; set; }

    /// <summary>The stream that failed.</summary>
    public string? ErrorStream { get; set; }

    /// <summary>What went wrong, in words an admin can act on.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The redacted HTTP exchange that failed, JSON.</summary>
    public string? FailedRequest { get; set; }

    /// <summary>Per-stream counts.</summary>
    public List<RunStreamStats> Streams { get; set; } = [];
}
