using Microsoft.Extensions.Logging;

namespace ConnectorHub.Sdk.Streams.RateLimits;

/// <summary>
/// The requests one call may send: a fixed window and/or a token bucket from <see cref="RateBudgetOptions"/>, and a
/// pause set by quota headers. Requests wait for the budget; they never fail for it.
/// </summary>
/// <remarks>
/// The window and the bucket are counted here on the call's <see cref="TimeProvider"/> rather than with
/// System.Threading.RateLimiting's limiters: those replenish by the machine's stopwatch even when replenished by
/// hand, so a test's fake clock (and the kit's instant one) could never move them, and a 10-minute quota would take
/// 10 real minutes to test.
/// </remarks>
public sealed class RateBudget : IDisposable
{
    private readonly RateBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _windowStart;
    private int _usedInWindow;
    private double _tokens;
    private DateTimeOffset _bucketRefilled;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Creates the budget of one call.</summary>
    public RateBudget(RateBudgetOptions options, TimeProvider time, ILogger logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (options.PermitsPerWindow is < 1 || options.BucketSize is < 1 || options.TokensPerPeriod < 1 || options.Window <= TimeSpan.Zero || options.RefillPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("A rate budget needs at least one permit per window, a bucket of at least one token refilled by at least one, and positive periods.", nameof(options));
        }

        _windowStart = _bucketRefilled = time.GetUtcNow();
        _tokens = options.BucketSize ?? 0;
    }

    /// <summary>How many times a request waited for the budget (for tests and logs).</summary>
    public int Waits { get; private set; }

    /// <summary>Waits until one more request fits the budget.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var pause = _pausedUntil - _time.GetUtcNow();
            if (pause > TimeSpan.Zero)
            {
                await DelayAsync(pause, "the platform's quota is spent", cancellationToken);
            }

            if (_options.PermitsPerWindow is { } permits)
            {
                await TakeFromWindowAsync(permits, cancellationToken);
            }

            if (_options.BucketSize is { } size)
            {
                await TakeFromBucketAsync(size, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the quota headers of <paramref name="response"/>, pausing the budget when the quota is spent.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (_options.Quota?.PauseAfter(response) is { } pause)
        {
            var until = _time.GetUtcNow() + pause;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task TakeFromWindowAsync(int permits, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            if (now - _windowStart >= _options.Window)
            {
                var windows = (now - _windowStart).Ticks / _options.Window.Ticks;
                _windowStart += TimeSpan.FromTicks(windows * _options.Window.Ticks);
                _usedInWindow = 0;
            }

            if (_usedInWindow < permits)
            {
                _usedInWindow++;
                return;
            }

            await DelayAsync(_windowStart + _options.Window - now, "the connection's rate budget for this window is used up", cancellationToken);
        }
    }

    private async Task TakeFromBucketAsync(int size, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var periods = (now - _bucketRefilled).Ticks / _options.RefillPeriod.Ticks;
            if (periods > 0)
            {
                _tokens = Math.Min(size, _tokens + (periods * _options.TokensPerPeriod));
                _bucketRefilled += TimeSpan.FromTicks(periods * _options.RefillPeriod.Ticks);
            }

            if (_tokens >= 1)
            {
                _tokens--;
                return;
            }

            await DelayAsync(_bucketRefilled + _options.RefillPeriod - now, "the connection's token bucket is empty", cancellationToken);
        }
    }

    private async Task DelayAsync(TimeSpan wait, string why, CancellationToken cancellationToken)
    {
        Waits++;
        _logger.LogInformation("Waiting {Wait} before the next request: {Why}.", wait, why);
        await Task.Delay(wait, _time, cancellationToken);
    }
}
