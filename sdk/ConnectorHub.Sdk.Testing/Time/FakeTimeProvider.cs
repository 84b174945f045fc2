namespace ConnectorHub.Sdk.Testing.Time;

/// <summary>
/// A clock tests control. Its timers (and so <c>Task.Delay(…, time)</c> and Polly's retry waits) fire only when
/// the clock moves: by <see cref="Advance"/>, or, with <see cref="AutoAdvance"/>, at once, the clock jumping by
/// the timer's due time. Every due time asked for is recorded in <see cref="Delays"/>, so a test can prove that a
/// connector waited (say, a Retry-After) without waiting itself.
/// </summary>
/// <remarks>
/// Auto-advance fires every one-shot timer at once, timeouts included: do not drive timeouts from the same clock.
/// </remarks>
public sealed class FakeTimeProvider : TimeProvider
{
    /// <summary>Where a new clock starts unless told: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now;

    /// <summary>Creates a clock at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? DefaultStart;

    /// <summary>A clock whose delays complete at once (moving the clock forward) while being recorded.</summary>
    public static FakeTimeProvider Instant(DateTimeOffset? start = null) => new(start) { AutoAdvance = true };

    /// <summary>Whether one-shot timers fire as soon as they are set, the clock jumping by their due time.</summary>
    public bool AutoAdvance { get; set; }

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
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt > _now ? due.DueAt.Value : _now;
                due.Reschedule(_now);
                if (due.DueAt is null)
                {
                    _timers.Remove(due);
                }
            }

            // Outside the lock: the callback may set new timers or read the clock.
            due.Fire();
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/> (never backwards), firing what falls due.</summary>
    public void SetUtcNow(DateTimeOffset time) => Advance(time - GetUtcNow());

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Set(null, period);
                return;
            }

            _delays.Add(dueTime);
            timer.Set(_now + dueTime, period);
            _timers.Add(timer);
            fireNow = AutoAdvance && period == Timeout.InfiniteTimeSpan;
        }

        if (fireNow || dueTime == TimeSpan.Zero)
        {
            Advance(dueTime);
        }
    }

    internal void Cancel(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }
}
