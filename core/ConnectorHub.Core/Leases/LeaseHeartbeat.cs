using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Leases;

/// <summary>
/// Renews a lease every <c>interval</c> while work holds it (a sync run, an activation run). When a renewal finds
/// the lease gone (another node took the work over after it went stale), <c>lost</c> is called once and the loop
/// ends, so the work stops even when it is not writing at that moment. A failed renewal (the database briefly out of
/// reach) is logged and tried again at the next beat: the lease only goes stale after several missed beats.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="renew">Renews the lease; false when it is gone.</param>
    /// <param name="lost">Called once when the lease is found gone.</param>
    /// <param name="interval">Time between renewals.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where failed renewals are logged.</param>
    /// <param name="holder">What holds the lease, for the log ("Run 42").</param>
    public LeaseHeartbeat(Func<CancellationToken, Task<bool>> renew, Func<Task> lost, TimeSpan interval, TimeProvider time, ILogger logger, string holder)
    {
        _loop = Task.Run(async () =>
        {
            // A periodic timer, not a delay loop: a test clock that completes one-shot waits at once must not spin it.
            using var timer = new PeriodicTimer(interval, time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        if (!await renew(_stop.Token))
                        {
                            await lost();
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "{Holder}: renewing its lease failed; trying again at the next beat.", holder);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
