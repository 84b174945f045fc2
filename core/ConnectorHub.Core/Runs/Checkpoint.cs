namespace ConnectorHub.Core.Runs;

/// <summary>The last committed state of one stream of one sync: where the next run resumes.</summary>
public sealed class Checkpoint
{
    /// <summary>The sync.</summary>
    public Guid SyncId { get; set; }

    /// <summary>The stream.</summary>
    public required string Stream { get; set; }

    /// <summary>The source's opaque state, JSON.</summary>
    public required string State { get; set; }

    /// <summary>The run that committed it.</summary>
    public Guid? RunId { get; set; }

    /// <summary>When it was committed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
