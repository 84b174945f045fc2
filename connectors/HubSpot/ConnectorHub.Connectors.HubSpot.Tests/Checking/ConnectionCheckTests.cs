namespace ConnectorHub.Connectors.HubSpot.Tests.Checking;

/// <summary>The check names what to fix: the token, or the scope missing for a given object type.</summary>
public sealed class ConnectionCheckTests
{
    [Fact]
    public async Task Check_NamesTheMissingScope_ForTheObjectTypeThatNeedsIt()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new() { Contacts = 5, Companies = 5, Deals = 5 });
        var token = scope.Hub.Tokens.AddPrivateAppToken(["crm.objects.contacts.read", "crm.objects.companies.read"]);

        var result = await scope.Connector.CheckAsync(scope.Context(HubSpotConfigs.PrivateApp(scope.Host.BaseAddress, token)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("crm.objects.deals.read", result.Message, StringComparison.Ordinal);
        Assert.Contains("/crm/v3/objects/deals", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SaysTheTokenWasRefused_OnUnknownToken()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new() { Contacts = 5, Companies = 5, Deals = 5 });

        var result = await scope.Connector.CheckAsync(scope.Context(HubSpotConfigs.PrivateApp(scope.Host.BaseAddress, "pat-na1-wrong-token-value")), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("refused the access token", result.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID_AUTHENTICATION", result.Message, StringComparison.Ordinal);
    }
}
