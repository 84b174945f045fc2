using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Queues activations whose own cron schedule fired, and those with failed records due for a retry, every
/// <see cref="ActivationOptions.RetrySweepInterval"/>. On several nodes each may queue the same activation; its
/// lock runs it once at a time and the second run finds nothing left to send.
/// </summary>
internal sealed class ActivationTimers(HubDatabase database, IActivationLauncher queue, IOptions<ActivationOptions> options, TimeProvider time, ILogger<ActivationTimers> logger) : BackgroundService
{
    private static readonly TimeSpan ScheduleTick = TimeSpan.FromSeconds(15);

    private readonly ActivationStore _store = new(database);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = options.Value.RetrySweepInterval < ScheduleTick ? options.Value.RetrySweepInterval : ScheduleTick;
        using var timer = new PeriodicTimer(tick, time);
        var checkedUpTo = time.GetUtcNow();
        var nextSweep = checkedUpTo;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                foreach (var activation in (await _store.ListAsync(stoppingToken)).Where(a => a.Enabled && ActivationSchedule.FiresBetween(a, checkedUpTo, now)))
                {
                    queue.Enqueue(activation.Id, ActivationTrigger.Schedule);
                }

                checkedUpTo = now;
                if (now >= nextSweep)
                {
                    foreach (var id in await _store.DueForRetryAsync(now, options.Value.MaxAttempts, stoppingToken))
                    {
                        queue.Enqueue(id, ActivationTrigger.Retry);
                    }

                    nextSweep = now + options.Value.RetrySweepInterval;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for scheduled activations and due retries failed; trying again in {Interval}.", tick);
            }
        }
    }
}
