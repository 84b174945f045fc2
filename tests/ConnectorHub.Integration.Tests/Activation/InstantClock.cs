namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>
/// A hub clock whose one-shot waits (retry backoffs, throttling waits) complete at once, the clock jumping by the
/// wait; periodic timers never fire, so background sweeps stay quiet unless a test moves things itself.
/// </summary>
public sealed class InstantClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new OneShot(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class OneShot(InstantClock clock, TimerCallback callback, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan && period == Timeout.InfiniteTimeSpan)
            {
                clock.Advance(dueTime);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
