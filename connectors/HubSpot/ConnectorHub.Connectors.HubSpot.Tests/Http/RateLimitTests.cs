using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests.Http;

/// <summary>HubSpot's 429s carry a policy name and no Retry-After: wait out the ten-second window, stop on the daily one.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Read_WaitsTenSecondsPer429_OnTenSecondlyPolicyWithoutRetryAfter()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 25, Companies = 0, Deals = 0 });
        scope.Host.Faults.Add(HubSpotFaults.RateLimited(), times: 3);

        var result = await scope.ReadAsync(scope.PrivateAppConfig(), "contacts", SyncMode.FullRefresh);

        Assert.Equal(25, result.Records.Count);
        Assert.Equal(3, scope.Host.Faults.Served);
        Assert.Equal(3, scope.Time.Delays.Count(d => d == TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Read_StopsWithClearMessage_WhenTheDailyLimitIsSpent()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 25, Companies = 0, Deals = 0 });
        scope.Host.Faults.Add(HubSpotFaults.DailyLimitReached());

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => scope.ReadAsync(scope.PrivateAppConfig(), "contacts", SyncMode.FullRefresh));

        Assert.Contains("daily API limit", failure.Message, StringComparison.Ordinal);
        Assert.Contains("midnight", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(scope.Time.Delays, d => d >= TimeSpan.FromSeconds(10));
    }
}
