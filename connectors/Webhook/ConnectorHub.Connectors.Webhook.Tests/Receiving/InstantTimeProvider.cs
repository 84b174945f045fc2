using System.Collections.Concurrent;

namespace ConnectorHub.Connectors.Webhook.Tests.Receiving;

/// <summary>
/// A clock whose timers fire at once, moving the clock forward by their due time: retry and Retry-After waits take
/// no real time, and the waits asked for are recorded in <see cref="Waits"/>.
/// </summary>
public sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <summary>Every timer due time, in order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new InstantTimer(this, callback, state, dueTime);

    private void Elapse(TimeSpan wait)
    {
        Waits.Enqueue(wait);
        lock (_gate)
        {
            _now += wait;
        }
    }

    private sealed class InstantTimer : ITimer
    {
        private readonly InstantTimeProvider _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private volatile bool _disposed;

        public InstantTimer(InstantTimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || _disposed)
            {
                return !_disposed;
            }

            _clock.Elapse(dueTime);
            // Fire on the thread pool, as a real timer does, never inside the caller's stack.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!_disposed)
                {
                    _callback(_state);
                }
            });
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
