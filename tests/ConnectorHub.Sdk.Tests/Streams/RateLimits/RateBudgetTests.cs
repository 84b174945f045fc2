using System.Net;
using ConnectorHub.Sdk.Streams.RateLimits;
using ConnectorHub.Sdk.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Sdk.Tests.Streams.RateLimits;

public sealed class RateBudgetTests
{
    [Fact]
    public async Task FixedWindow_WaitsForTheNextWindow_InsteadOfFailing()
    {
        var time = new InstantTimeProvider();
        using var budget = new RateBudget(new RateBudgetOptions { PermitsPerWindow = 2, Window = TimeSpan.FromSeconds(10) }, time, NullLogger.Instance);

        for (var i = 0; i < 5; i++)
        {
            await budget.WaitAsync(CancellationToken.None);
        }

        Assert.Equal(2, budget.Waits);
        Assert.All(time.Delays, d => Assert.True(d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(10), d.ToString()));
    }

    [Fact]
    public async Task TokenBucket_AllowsABurst_ThenOneRequestPerRefill()
    {
        var time = new InstantTimeProvider();
        using var budget = new RateBudget(new RateBudgetOptions { BucketSize = 3, TokensPerPeriod = 1, RefillPeriod = TimeSpan.FromSeconds(1) }, time, NullLogger.Instance);

        for (var i = 0; i < 6; i++)
        {
            await budget.WaitAsync(CancellationToken.None);
        }

        Assert.Equal(3, budget.Waits);
    }

    [Fact]
    public async Task QuotaHeaders_WithNothingLeft_PauseTheNextRequestUntilTheReset()
    {
        var time = new InstantTimeProvider();
        using var budget = new RateBudget(new RateBudgetOptions { Quota = RemainingQuotaReader.HubSpot }, time, NullLogger.Instance);
        using var spent = new HttpResponseMessage(HttpStatusCode.OK);
        spent.Headers.Add("X-HubSpot-RateLimit-Remaining", "0");
        spent.Headers.Add("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        using var plenty = new HttpResponseMessage(HttpStatusCode.OK);
        plenty.Headers.Add("X-HubSpot-RateLimit-Remaining", "90");
        plenty.Headers.Add("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");

        budget.Observe(plenty);
        await budget.WaitAsync(CancellationToken.None);
        budget.Observe(spent);
        await budget.WaitAsync(CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(10)], time.Delays);
    }
}
