using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Runner;

/// <summary>While a run executes: proves it is alive, and cancels it when a cancel was requested from any node.</summary>
internal sealed class RunHeartbeat : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RunHeartbeat(RunProgressStore store, Guid runId, TimeSpan interval, TimeProvider time, RunCancellations cancellations, ILogger logger)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, time, _stop.Token);
                    if (await store.HeartbeatAsync(runId, _stop.Token))
                    {
                        cancellations.Cancel(runId);
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed heartbeat is not worth failing the run over; the next one will tell.
                    logger.LogWarning(ex, "Run {RunId}: heartbeat failed.", runId);
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
