namespace ConnectorHub.Sdk.Errors;

/// <summary>A classified connector failure. Throw one of its subtypes.</summary>
public abstract class ConnectorException : Exception
{
    /// <summary>Creates a classified failure.</summary>
    protected ConnectorException(string message, FailedRequest? failedRequest, Exception? innerException)
        : base(message, innerException) => FailedRequest = failedRequest;

    /// <summary>How the host handles this failure.</summary>
    public abstract ErrorCategory Category { get; }

    /// <summary>The redacted HTTP exchange that failed, when the failure came from one.</summary>
    public FailedRequest? FailedRequest { get; }
}

/// <summary>A configuration problem (bad credentials, permissions, settings): the run stops with this message.</summary>
public sealed class ConfigurationException(string message, FailedRequest? failedRequest = null, Exception? innerException = null)
    : ConnectorException(message, failedRequest, innerException)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Configuration;
}

/// <summary>A passing fault worth retrying with backoff.</summary>
public sealed class TransientException(string message, FailedRequest? failedRequest = null, Exception? innerException = null)
    : ConnectorException(message, failedRequest, innerException)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Transient;
}

/// <summary>The platform throttled us; wait <see cref="RetryAfter"/> (or a backoff when unknown) and go on.</summary>
public sealed class RateLimitedException(string message, TimeSpan? retryAfter, FailedRequest? failedRequest = null, Exception? innerException = null)
    : ConnectorException(message, failedRequest, innerException)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.RateLimited;

    /// <summary>How long the platform asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>An unexpected answer or a defect; the run stops and keeps the details.</summary>
public sealed class ConnectorInternalException(string message, FailedRequest? failedRequest = null, Exception? innerException = null)
    : ConnectorException(message, failedRequest, innerException)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Internal;
}
