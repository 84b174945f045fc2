namespace ConnectorHub.Core.Runs;

/// <summary>Where a run is in its life.</summary>
public enum RunStatus
{
    /// <summary>Waiting to start.</summary>
    Queued,

    /// <summary>Moving records.</summary>
    Running,

    /// <summary>Finished; every stream completed.</summary>
    Succeeded,

    /// <summary>Stopped by an error; the next run resumes from the last committed checkpoint.</summary>
    Failed,

    /// <summary>Stopped on request; the next run resumes from the last committed checkpoint.</summary>
    Cancelled,

    /// <summary>Its node died mid-run; a recovery run resumes it.</summary>
    Interrupted,
}
