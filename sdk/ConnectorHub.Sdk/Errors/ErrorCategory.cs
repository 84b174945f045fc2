namespace ConnectorHub.Sdk.Errors;

/// <summary>How a failure is handled; every failure a connector reports belongs to one category.</summary>
public enum ErrorCategory
{
    /// <summary>Bad credentials, missing permissions, wrong settings (401/403): stop and tell the admin.</summary>
    Configuration,

    /// <summary>A passing fault (5xx, timeout, 408, dropped connection): retry with backoff and jitter.</summary>
    Transient,

    /// <summary>The platform asked us to slow down (429, quota): wait as long as it says, then go on.</summary>
    RateLimited,

    /// <summary>One record is bad: set it aside with the reason and continue.</summary>
    Record,

    /// <summary>A bug or an unexpected answer: stop the run and keep the details for a developer.</summary>
    Internal,
}
