using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Sdk.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose one-shot waits pass at once: a timer set for a due time moves the clock
/// forward by it and fires, so <c>Task.Delay(…, time)</c>, Polly's retry waits and Retry-After pauses cost no real
/// time. Every due time asked for is recorded in <see cref="Delays"/>, so a test can prove that a connector waited
/// without waiting itself. Everything else (<see cref="FakeTimeProvider.Advance"/>, <see cref="FakeTimeProvider.SetUtcNow"/>)
/// is the fake clock's own.
/// </summary>
/// <remarks>
/// Timeouts are one-shot timers too and fire at once: do not drive timeouts from an instant clock.
/// </remarks>
public sealed class InstantTimeProvider : FakeTimeProvider
{
    /// <summary>Where a new clock starts unless told: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];

    /// <summary>Creates a clock at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public InstantTimeProvider(DateTimeOffset? start = null)
        : base(start ?? DefaultStart)
    {
    }

    /// <summary>
    /// Whether periodic timers stay idle instead of firing when the clock passes them; for a whole hub run on this
    /// clock, whose background sweeps should wait until a test moves things itself. False unless set.
    /// </summary>
    public bool PeriodicTimersStayIdle { get; init; }

    /// <summary>Every finite due time a timer was set with, in order: the waits the code under test asked for.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _delays.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer(this, base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    private void Record(TimeSpan dueTime)
    {
        lock (_gate)
        {
            _delays.Add(dueTime);
        }
    }

    /// <summary>The fake clock's timer, armed as asked, and fired at once when it is a one-shot one.</summary>
    private sealed class InstantTimer(InstantTimeProvider clock, ITimer timer) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var periodic = period != Timeout.InfiniteTimeSpan;
            if (dueTime == Timeout.InfiniteTimeSpan || (periodic && clock.PeriodicTimersStayIdle))
            {
                return timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            clock.Record(dueTime);
            if (!timer.Change(dueTime, period))
            {
                return false;
            }

            if (!periodic && dueTime > TimeSpan.Zero)
            {
                clock.Advance(dueTime);
            }

            return true;
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
