using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Runs queued activations, two at a time on this node. When another run of the same activation holds its lock
/// (here or on another node, which may have read the segment before the change that queued this one), the request
/// is queued again after <see cref="ActivationOptions.BusyRetryDelay"/> so no change waits for the next trigger.
/// </summary>
internal sealed class ActivationWorker(ActivationQueue queue, ActivationRunner runner, IOptions<ActivationOptions> options, TimeProvider time, ILogger<ActivationWorker> logger) : BackgroundService
{
    private const int Parallelism = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            long activationId = 0;
            try
            {
                (activationId, var trigger) = await queue.DequeueAsync(stoppingToken);
                if (await runner.RunAsync(activationId, trigger, stoppingToken) is null)
                {
                    _ = RequeueLaterAsync(activationId, trigger, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A deleted activation or a database hiccup must not stop the worker.
                logger.LogError(ex, "Activation {ActivationId} could not run: {Message}", activationId, ex.Message);
            }
        }
    }

    private async Task RequeueLaterAsync(long activationId, ActivationTrigger trigger, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.BusyRetryDelay, time, stoppingToken);
            queue.Enqueue(activationId, trigger);
        }
        catch (OperationCanceledException)
        {
            // The hub is stopping.
        }
    }
}
