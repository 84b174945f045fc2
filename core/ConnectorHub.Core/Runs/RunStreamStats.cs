namespace ConnectorHub.Core.Runs;

/// <summary>How many records of one stream a run read, wrote and rejected.</summary>
public sealed class RunStreamStats
{
    /// <summary>The run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The stream.</summary>
    public required string Stream { get; set; }

    /// <summary>Records the source emitted (including ones later rejected).</summary>
    public long RecordsRead { get; set; }

    /// <summary>Records the target accepted.</summary>
    public long RecordsWritten { get; set; }

    /// <summary>Records set aside (by the source, the mapping or the target) with a reason.</summary>
    public long RecordsRejected { get; set; }
}
