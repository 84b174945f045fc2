namespace ConnectorHub.Sandbox.HubSpot.RateLimits;

/// <summary>Counts requests in HubSpot's ten-second rolling window and per day, on the emulator's clock.</summary>
internal sealed class RollingWindowCounter(TimeProvider time, int windowLimit, int dailyLimit)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly object _gate = new();
    private DateOnly _day;
    private int _today;

    /// <summary>Counts one request; returns what is left in the window and the day (negative when over).</summary>
    public (int WindowRemaining, int DailyRemaining) Take()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= Window)
            {
                _recent.Dequeue();
            }

            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (day != _day)
            {
                _day = day;
                _today = 0;
            }

            _recent.Enqueue(now);
            _today++;
            return (windowLimit - _recent.Count, dailyLimit - _today);
        }
    }
}
