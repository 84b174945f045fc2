using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ConnectorHub.Core.Runner;

/// <summary>A record a destination asked to send again, with the reason it gave.</summary>
internal sealed record PendingRetry(DestinationRecord Record, string? Reason);

/// <summary>
/// The runner's two retries as Polly pipelines, both waiting <see cref="SyncRunnerOptions.ResumeDelay"/> doubled each
/// time with jitter, on the hub's clock: a run resumes from its last checkpoint after a transient or rate-limited
/// connector failure (waiting the Retry-After when there is one), and a flush sends again the records a destination
/// asked to retry.
/// </summary>
internal static class RunRetryPipelines
{
    public static ResiliencePipeline Resume(SyncRunnerOptions options, TimeProvider time, ILogger logger, Guid runId)
    {
        if (options.MaxResumes < 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ConnectorException>(ex => ex.Category is ErrorCategory.Transient or ErrorCategory.RateLimited),
                MaxRetryAttempts = options.MaxResumes,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ResumeDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is RateLimitedException { RetryAfter: { } retryAfter } ? retryAfter : (TimeSpan?)null),
                OnRetry = args =>
                {
                    logger.LogWarning("Run {RunId}: {Message} Resuming from the last checkpoint in {Wait} (attempt {Attempt} of {Max}).",
                        runId, args.Outcome.Exception?.Message, args.RetryDelay, args.AttemptNumber + 1, options.MaxResumes);
                    return default;
                },
            })
            .Build();
    }

    public static ResiliencePipeline<IReadOnlyList<PendingRetry>> RecordRetries(SyncRunnerOptions options, TimeProvider time)
    {
        if (options.MaxRecordRetries < 1)
        {
            return ResiliencePipeline<IReadOnlyList<PendingRetry>>.Empty;
        }

        return new ResiliencePipelineBuilder<IReadOnlyList<PendingRetry>> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<IReadOnlyList<PendingRetry>>
            {
                // Only records the destination asked to retry come back here; a thrown failure is the run's to resume.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Count: > 0 }),
                MaxRetryAttempts = options.MaxRecordRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ResumeDelay,
            })
            .Build();
    }
}
