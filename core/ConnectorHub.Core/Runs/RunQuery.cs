namespace ConnectorHub.Core.Runs;

/// <summary>Filters for listing runs; every filter is optional.</summary>
public sealed record RunQuery
{
    /// <summary>Only runs of this sync.</summary>
    public Guid? SyncId { get; init; }

    /// <summary>Only runs in this status.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>Only runs queued at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only runs queued before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Page size (1 to 200). Default 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Runs to skip.</summary>
    public int Offset { get; init; }
}
