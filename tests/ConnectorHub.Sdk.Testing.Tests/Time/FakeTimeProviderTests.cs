using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Sdk.Testing.Tests.Time;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public async Task Delay_CompletesAtOnce_AndIsRecorded_WhenAutoAdvancing()
    {
        var time = FakeTimeProvider.Instant();
        var start = time.GetUtcNow();

        await Task.Delay(TimeSpan.FromMinutes(5), time);

        Assert.Equal(start + TimeSpan.FromMinutes(5), time.GetUtcNow());
        Assert.Equal([TimeSpan.FromMinutes(5)], time.Delays);
    }

    [Fact]
    public void Delay_WaitsForAdvance_WhenNotAutoAdvancing()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), time);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Timers_FireInDueOrder_AndPeriodicOnesRepeat_AsTimeAdvances()
    {
        var time = new FakeTimeProvider();
        var fired = new List<string>();
        using var slow = time.CreateTimer(_ => fired.Add("slow"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var tick = time.CreateTimer(_ => fired.Add("tick"), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(["tick", "tick", "slow", "tick"], fired);
    }
}
