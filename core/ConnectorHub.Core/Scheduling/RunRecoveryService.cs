using ConnectorHub.Core.Runner;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Looks for orphaned runs at start and then every <see cref="SchedulingOptions.RecoveryInterval"/>.</summary>
internal sealed class RunRecoveryService(RunRecovery recovery, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<RunRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval, time);
        do
        {
            try
            {
                await recovery.RecoverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for orphaned runs failed; trying again in {Interval}.", options.Value.RecoveryInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
