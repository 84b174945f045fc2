using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.RateLimits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class SourceRateLimiterTests
{
    [Fact]
    public void Source_GetsItsBurst_ThenOneRequestPerInterval_AndOtherSourcesAreUnaffected()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var limiter = new SourceRateLimiter(Options.Create(new TrackingOptions { RequestsPerSecond = 2, Burst = 3 }), time);
        var source = Guid.NewGuid();

        var burst = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire(source).Allowed).ToArray();
        var refused = limiter.TryAcquire(source);
        var other = limiter.TryAcquire(Guid.NewGuid());
        time.Advance(TimeSpan.FromMilliseconds(500));
        var refilled = limiter.TryAcquire(source);
        var again = limiter.TryAcquire(source);

        Assert.Equal([true, true, true], burst);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(500), refused.RetryAfter);
        Assert.True(other.Allowed);
        Assert.True(refilled.Allowed);
        Assert.False(again.Allowed);
    }
}
