using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Destinations.Uploads;

/// <summary>What one poll of an asynchronous upload job found.</summary>
/// <param name="Done">Whether the job finished (successfully or not).</param>
/// <param name="Failure">Why the job failed, when it did.</param>
/// <param name="RetryAfter">How long the platform asks to wait before the next poll, when it says.</param>
public readonly record struct UploadJobStatus(bool Done, string? Failure = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Still running.</summary>
    public static UploadJobStatus Running(TimeSpan? retryAfter = null) => new(false, null, retryAfter);

    /// <summary>Finished successfully.</summary>
    public static UploadJobStatus Succeeded() => new(true);

    /// <summary>Finished with a failure.</summary>
    public static UploadJobStatus Failed(string reason) => new(true, reason);
}

/// <summary>Options of <see cref="UploadJob"/>: how often and how long to poll.</summary>
public sealed record UploadJobOptions
{
    /// <summary>The first wait between polls; later ones double up to <see cref="MaxInterval"/>.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between polls.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a job may run before the write fails as transient (the hub retries it later).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Polls an asynchronous upload job (an offline conversions upload, a Customer Match job, Meta's async report run)
/// until it is done, on the call's clock: waits grow from <see cref="UploadJobOptions.Interval"/>, a platform's
/// retry hint wins, and a job past <see cref="UploadJobOptions.Timeout"/> fails as transient.
/// </summary>
public static class UploadJob
{
    /// <summary>Polls <paramref name="poll"/> until the job is done; a failed job is a <see cref="ConnectorInternalException"/> with its reason.</summary>
    public static async Task WaitAsync(string job, Func<CancellationToken, Task<UploadJobStatus>> poll, UploadJobOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetUtcNow();
        var wait = options.Interval;
        while (true)
        {
            var status = await poll(cancellationToken);
            if (status.Done)
            {
                if (status.Failure is { } failure)
                {
                    throw new ConnectorInternalException($"The upload job {job} failed: {failure}");
                }

                return;
            }

            if (time.GetUtcNow() - started >= options.Timeout)
            {
                throw new TransientException($"The upload job {job} was still running after {options.Timeout}; the hub retries the write later.");
            }

            await Task.Delay(status.RetryAfter ?? wait, time, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.MaxInterval.Ticks));
        }
    }
}
