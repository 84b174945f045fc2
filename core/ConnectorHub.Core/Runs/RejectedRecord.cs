namespace ConnectorHub.Core.Runs;

/// <summary>A record set aside during a run, with the reason; the run went on without it.</summary>
public sealed class RejectedRecord
{
    /// <summary>Identity.</summary>
    public long Id { get; set; }

    /// <summary>The run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The sync.</summary>
    public Guid SyncId { get; set; }

    /// <summary>The stream.</summary>
    public required string Stream { get; set; }

    /// <summary>Where it was set aside.</summary>
    public RejectionStage Stage { get; set; }

    /// <summary>The record's key, when known.</summary>
    public string? RecordKey { get; set; }

    /// <summary>Where it was (file and line, mapping rule and field, ...).</summary>
    public string? Location { get; set; }

    /// <summary>What is wrong.</summary>
    public required string Reason { get; set; }

    /// <summary>The record as read (truncated), for inspection and replay.</summary>
    public string? RawData { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
