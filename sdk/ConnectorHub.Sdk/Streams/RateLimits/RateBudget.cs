using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Sdk.Streams.RateLimits;

/// <summary>
/// The requests one call may send: a fixed window and/or a token bucket from <see cref="RateBudgetOptions"/>, and a
/// pause set by quota headers. Limiters replenish on the call's <see cref="TimeProvider"/>, so a test's fake clock
/// drives them and no request ever fails for the budget: it waits.
/// </summary>
public sealed class RateBudget : IDisposable
{
    private readonly RateBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FixedWindowRateLimiter? _window;
    private readonly TokenBucketRateLimiter? _bucket;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _windowStart;
    private DateTimeOffset _bucketRefilled;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Creates the budget of one call.</summary>
    public RateBudget(RateBudgetOptions options, TimeProvider time, ILogger logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _windowStart = _bucketRefilled = time.GetUtcNow();
        if (options.PermitsPerWindow is { } permits)
        {
            _window = new FixedWindowRateLimiter(new() { PermitLimit = permits, Window = options.Window, AutoReplenishment = false, QueueLimit = 0 });
        }

        if (options.BucketSize is { } size)
        {
            _bucket = new TokenBucketRateLimiter(new() { TokenLimit = size, TokensPerPeriod = options.TokensPerPeriod, ReplenishmentPeriod = options.RefillPeriod, AutoReplenishment = false, QueueLimit = 0 });
        }
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

            await AcquireAsync(_window, () => NextWindow(), cancellationToken);
            await AcquireAsync(_bucket, () => NextRefill(), cancellationToken);
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
    public void Dispose()
    {
        _window?.Dispose();
        _bucket?.Dispose();
        _gate.Dispose();
    }

    private async Task AcquireAsync(ReplenishingRateLimiter? limiter, Func<TimeSpan> untilReplenished, CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        while (true)
        {
            using var lease = limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                return;
            }

            await DelayAsync(untilReplenished(), "the connection's rate budget is used up", cancellationToken);
            limiter.TryReplenish();
        }
    }

    private TimeSpan NextWindow()
    {
        var now = _time.GetUtcNow();
        var next = _windowStart + _options.Window;
        while (next <= now)
        {
            next += _options.Window;
        }

        _windowStart = next;
        return next - now;
    }

    private TimeSpan NextRefill()
    {
        var now = _time.GetUtcNow();
        var next = _bucketRefilled + _options.RefillPeriod;
        _bucketRefilled = next > now ? next : now;
        return next > now ? next - now : TimeSpan.Zero;
    }

    private async Task DelayAsync(TimeSpan wait, string why, CancellationToken cancellationToken)
    {
        Waits++;
        _logger.LogInformation("Waiting {Wait} before the next request: {Why}.", wait, why);
        await Task.Delay(wait, _time, cancellationToken);
    }
}
