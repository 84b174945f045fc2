using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Api;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task AnInvalidToken_Code190_IsAConfigurationError_SayingWhatToDo()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(token: "EAAB-expired")));

        Assert.Contains("190", error.Message, StringComparison.Ordinal);
        Assert.Contains("'access_token'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAB-expired", error.FailedRequest!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenExpiringMidRead_IsAConfigurationError()
    {
        _sandbox.Host.Faults.Add(MetaFaults.InvalidToken($"/v21.0/act_{MetaAdsSandbox.SecondAccount}/insights"));

        await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.Incremental, _sandbox.Config(startDate: "2024-05-30")));
    }

    [Fact]
    public async Task AnAccountTheTokenCannotSee_IsAConfigurationError_NamingTheSetting()
    {
        var config = _sandbox.Config();
        config["ad_account_ids"] = new JsonArray("act_999");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, config, null, "campaigns"));

        Assert.Contains("'ad_account_ids'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ListsTheAccounts_OrFailsClearly()
    {
        var good = await _sandbox.Source.CheckAsync(_sandbox.Context(), CancellationToken.None);
        var bad = await _sandbox.Source.CheckAsync(_sandbox.Context(_sandbox.Config(token: "nope")), CancellationToken.None);

        Assert.True(good.Succeeded, good.Message);
        Assert.Contains($"act_{MetaAdsSandbox.FirstAccount}", good.Message, StringComparison.Ordinal);
        Assert.False(bad.Succeeded);
        Assert.Contains("access token", bad.Message, StringComparison.OrdinalIgnoreCase);
    }
}
