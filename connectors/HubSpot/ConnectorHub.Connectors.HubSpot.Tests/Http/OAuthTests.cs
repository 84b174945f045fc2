using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests.Http;

/// <summary>OAuth: refresh at <c>/oauth/v1/token</c>, persist rotated refresh tokens, say "reconnect" when refused.</summary>
public sealed class OAuthTests
{
    [Fact]
    public async Task Read_WithOAuth_PersistsTheRotatedRefreshToken_AndTheOldOneStopsWorking()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new() { Contacts = 15, Companies = 0, Deals = 0 });
        var original = scope.Hub.Tokens.IssueRefreshToken();
        var config = HubSpotConfigs.OAuth(scope.Host.BaseAddress, scope.Hub, original);

        var result = await scope.ReadAsync(config, "contacts", SyncMode.FullRefresh);

        Assert.Equal(15, result.Records.Count);
        var persisted = Assert.Single(scope.Updater.Persisted);
        var rotated = persisted.GetString("refresh_token");
        Assert.NotEqual(original, rotated);
        Assert.Contains(rotated!, scope.Hub.Tokens.ValidRefreshTokens);
        Assert.DoesNotContain(original, scope.Hub.Tokens.ValidRefreshTokens);
        Assert.False(string.IsNullOrEmpty(persisted.GetString("access_token_expires_at")));
    }

    [Fact]
    public async Task Check_WithRefusedRefreshToken_FailsAskingToReconnect()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new() { Contacts = 5, Companies = 0, Deals = 0 });
        var config = HubSpotConfigs.OAuth(scope.Host.BaseAddress, scope.Hub, "na1-unknown");

        var result = await scope.Connector.CheckAsync(scope.Context(config), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("reconnect the account", result.Message, StringComparison.Ordinal);
        Assert.Contains("BAD_REFRESH_TOKEN", result.Message, StringComparison.Ordinal);
        Assert.Empty(scope.Updater.Persisted);
    }
}
