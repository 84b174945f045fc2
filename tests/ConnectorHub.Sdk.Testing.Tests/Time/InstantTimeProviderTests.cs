using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Sdk.Testing.Tests.Time;

public sealed class InstantTimeProviderTests
{
    [Fact]
    public async Task Delay_CompletesAtOnce_AndIsRecorded()
    {
        var time = new InstantTimeProvider();
        var start = time.GetUtcNow();

        await Task.Delay(TimeSpan.FromMinutes(5), time);
        await Task.Delay(TimeSpan.FromSeconds(3), time);

        Assert.Equal(InstantTimeProvider.DefaultStart, start);
        Assert.Equal(start + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(3), time.GetUtcNow());
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(3)], time.Delays);
    }

    [Fact]
    public async Task Delays_CompleteAtOnce_WhenSetFromManyThreads()
    {
        var time = new InstantTimeProvider();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => Task.Delay(TimeSpan.FromSeconds(i), time))));

        Assert.Equal(50, time.Delays.Count);
        Assert.True(time.GetUtcNow() >= InstantTimeProvider.DefaultStart + TimeSpan.FromSeconds(50));
    }

    [Fact]
    public void PeriodicTimers_FireAsTheClockPasses_UnlessTheyStayIdle()
    {
        var ticking = new InstantTimeProvider();
        var idle = new InstantTimeProvider { PeriodicTimersStayIdle = true };
        var ticks = 0;
        var idleTicks = 0;
        using var tick = ticking.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var quiet = idle.CreateTimer(_ => idleTicks++, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        ticking.Advance(TimeSpan.FromSeconds(5));
        idle.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, ticks);
        Assert.Equal(0, idleTicks);
    }

    [Fact]
    public void ACancelledTimer_DoesNotFire_AndIsNotRecorded()
    {
        var time = new InstantTimeProvider();
        var fired = false;
        using var timer = time.CreateTimer(_ => fired = true, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromHours(1));

        Assert.False(fired);
        Assert.Empty(time.Delays);
    }
}
