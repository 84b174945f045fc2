using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Tests.Activation;

public sealed class RetryPacingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backoff_DoublesFromTheBaseDelay_AndStopsAtTheMaximum()
    {
        var options = new ActivationOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(10) };

        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)],
            Enumerable.Range(1, 6).Select(attempt => RetryBackoff.After(attempt, options)));
    }

    [Fact]
    public void PendingFailure_HoldsTheSameChange_UntilItsTimeOrForeverAtTheCap()
    {
        var add = new MemberChange(1, RecordOperation.Add, [], "h1", 1);
        var waiting = new PendingFailure("Add", "h1", 1, Now.AddMinutes(5));
        var capped = new PendingFailure("Add", "h1", 3, Now.AddMinutes(-5));

        Assert.True(waiting.Holds(add, Now, maxAttempts: 3));
        Assert.False(waiting.Holds(add, Now.AddMinutes(5), maxAttempts: 3));
        Assert.Equal(2, waiting.NextAttempt(add));
        Assert.True(capped.Holds(add, Now.AddDays(1), maxAttempts: 3));
    }

    [Fact]
    public void PendingFailure_LetsADifferentChangeThrough_AsAFirstAttempt()
    {
        var capped = new PendingFailure("Add", "h1", 3, Now.AddMinutes(5));
        var newPayload = new MemberChange(1, RecordOperation.Add, new JsonObject(), "h2", 1);
        var remove = new MemberChange(1, RecordOperation.Remove, [], null, 1);

        Assert.False(capped.Holds(newPayload, Now, maxAttempts: 3));
        Assert.False(capped.Holds(remove, Now, maxAttempts: 3));
        Assert.Equal(1, capped.NextAttempt(newPayload));
    }
}
