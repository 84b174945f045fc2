using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking.RateLimits;

/// <summary>
/// A token bucket per tracking source (<see cref="TrackingOptions.RequestsPerSecond"/> sustained,
/// <see cref="TrackingOptions.Burst"/> at once), on the injected clock. Per node: several nodes each allow the rate.
/// </summary>
public sealed class SourceRateLimiter(IOptions<TrackingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    /// <summary>Takes one request's token; when there is none, how long until there is.</summary>
    public RateDecision TryAcquire(Guid sourceId)
    {
        var settings = options.Value;
        var bucket = _buckets.GetOrAdd(sourceId, _ => new Bucket(settings.Burst, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(settings.Burst, bucket.Tokens + (elapsed * settings.RequestsPerSecond));
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return new RateDecision(true, TimeSpan.Zero);
            }

            return new RateDecision(false, TimeSpan.FromSeconds((1 - bucket.Tokens) / settings.RequestsPerSecond));
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}

/// <summary>Whether a request may go on, and otherwise when to retry.</summary>
/// <param name="Allowed">Whether it may go on.</param>
/// <param name="RetryAfter">When a refused request may retry.</param>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);
