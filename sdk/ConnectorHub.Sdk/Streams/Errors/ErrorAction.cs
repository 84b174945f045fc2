namespace ConnectorHub.Sdk.Streams.Errors;

/// <summary>What a stream does with a failed response an <see cref="ErrorRule"/> matched.</summary>
public enum ErrorAction
{
    /// <summary>A configuration problem (credentials, permissions, settings): the run stops with the rule's message.</summary>
    Configuration,

    /// <summary>A passing fault: retried with backoff and jitter.</summary>
    Transient,

    /// <summary>Throttled: waited out (Retry-After, the rule's wait, or the default) and sent again; never fails the run.</summary>
    RateLimited,

    /// <summary>One record cannot be read (a child of a deleted parent): set aside with the reason, and the read goes on.</summary>
    Record,

    /// <summary>Not a failure (a 404 for an empty partition): the page counts as empty, and the read goes on.</summary>
    Ignore,

    /// <summary>An unexpected answer: the run stops and keeps the redacted exchange for a developer.</summary>
    Fail,
}
