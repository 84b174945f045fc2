namespace ConnectorHub.Core.Activation;

/// <summary>What started an activation run.</summary>
public enum ActivationTrigger
{
    /// <summary>A person (dashboard or API "run now").</summary>
    Manual,

    /// <summary>A refresh of the activation's segment committed changes.</summary>
    SegmentRefresh,

    /// <summary>The activation's own schedule.</summary>
    Schedule,

    /// <summary>Records that failed earlier came due for a retry.</summary>
    Retry,
}
