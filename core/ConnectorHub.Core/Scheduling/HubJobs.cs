using System.ComponentModel;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Core.Tracking.Retention;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Hangfire's jobs for segments, activations, predictive models and the hub's sweeps. Each is a small door into the
/// engine, which keeps its own guarantees (a segment's refresh lock, an activation's or a model run's lease, recovery's
/// atomic takeover), so a job that
/// runs on two nodes at once, or twice, does no harm.
/// </summary>
public sealed class HubJobs(
    SegmentRefresher refresher,
    ActivationRunner activations,
    IBackgroundJobClient jobs,
    RunRecovery recovery,
    ActivationRetrySweep retries,
    EventRetention retention,
    ModelRunner models,
    IOptions<ActivationOptions> activationOptions)
{
    /// <summary>Refreshes a segment on its schedule.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Refresh segment {0}")]
    public Task RefreshSegmentAsync(long segmentId, CancellationToken cancellationToken) => refresher.RefreshAsync(segmentId, cancellationToken);

    /// <summary>Runs an activation; when another run of it holds its lease, tries again shortly so no change waits for the next trigger.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Deliver activation {0} ({1})")]
    public async Task RunActivationAsync(long activationId, ActivationTrigger trigger, CancellationToken cancellationToken)
    {
        if (await activations.RunAsync(activationId, trigger, cancellationToken) is null && await activations.IsRunningAsync(activationId, cancellationToken))
        {
            jobs.Schedule<HubJobs>(j => j.RunActivationAsync(activationId, trigger, CancellationToken.None), activationOptions.Value.BusyRetryDelay);
        }
    }

    /// <summary>Trains a predictive model and, when it beats its baseline, scores every customer (skipped while another run holds the model).</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Train model {0} ({1})")]
    public async Task TrainModelAsync(long modelId, ModelRunTrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            await models.RunAsync(modelId, trigger, cancellationToken);
        }
        catch (Validation.NotFoundException)
        {
            // Deleted after the job was queued: there is nothing left to train.
        }
    }

    /// <summary>Resumes the runs whose node died or stalled.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Resume orphaned sync runs")]
    public Task RecoverRunsAsync(CancellationToken cancellationToken) => recovery.RecoverAsync(cancellationToken);

    /// <summary>Queues the activations with failed records due for another attempt.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Retry failed activation records")]
    public Task RetryActivationsAsync(CancellationToken cancellationToken) => retries.SweepAsync(cancellationToken);

    /// <summary>Drops tracked events older than the retention.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Apply event retention")]
    public Task ApplyRetentionAsync(CancellationToken cancellationToken) => retention.ApplyAsync(cancellationToken);
}
