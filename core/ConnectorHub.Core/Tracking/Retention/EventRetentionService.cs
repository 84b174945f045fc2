using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking.Retention;

/// <summary>Runs <see cref="EventRetention"/> at start and then every <see cref="TrackingOptions.RetentionInterval"/>.</summary>
internal sealed class EventRetentionService(EventRetention retention, IOptions<TrackingOptions> options, TimeProvider time, ILogger<EventRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                await retention.ApplyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Event retention failed; it is tried again in {Interval}.", options.Value.RetentionInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
