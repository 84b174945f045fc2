namespace ConnectorHub.Sdk.Testing.Time;

/// <summary>A timer of a <see cref="FakeTimeProvider"/>: fires when that clock reaches its due time.</summary>
internal sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    /// <summary>When it fires next, or null when it is not armed.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Cancel(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Set(DateTimeOffset? dueAt, TimeSpan period)
    {
        DueAt = dueAt;
        _period = period;
    }

    /// <summary>After firing at <paramref name="now"/>: the next due time for a periodic timer, else none.</summary>
    internal void Reschedule(DateTimeOffset now) =>
        DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : now + _period;

    internal void Fire()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }
}
