using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// While a run executes: renews its lease (proves it is alive), cancels it when a cancel was requested from any node,
/// and stops it at once when the lease was taken over, even if the run is not writing at that moment.
/// </summary>
internal sealed class RunHeartbeat : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RunHeartbeat(RunProgressStore store, RunLease lease, CancellationTokenSource run, TimeSpan interval, TimeProvider time, RunCancellations cancellations, ILogger logger)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, time, _stop.Token);
                    switch (await store.HeartbeatAsync(lease.RunId, _stop.Token))
                    {
                        case RunProgressStore.Pulse.CancelRequested:
                            cancellations.Cancel(lease.RunId);
                            break;
                        case RunProgressStore.Pulse.LeaseLost:
                            lease.Lose();
                            await run.CancelAsync();
                            return;
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed heartbeat is not worth failing the run over; the next one will tell.
                    logger.LogWarning(ex, "Run {RunId}: heartbeat failed.", lease.RunId);
                }
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
