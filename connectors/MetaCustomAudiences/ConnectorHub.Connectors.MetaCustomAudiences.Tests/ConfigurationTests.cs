using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Specs;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests;

public sealed class ConfigurationTests : IAsyncLifetime
{
    private MetaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public void Spec_MarksTheAccessTokenSecret() =>
        Assert.Equal(["access_token"], ConfigSecrets.SecretFields(_sandbox.Destination.GetSpec()));

    [Fact]
    public async Task Check_Succeeds_WithAGoodToken()
    {
        var result = await _sandbox.Destination.CheckAsync(_sandbox.Context(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Check_Fails_WithAMessageAboutTheToken_WhenTheTokenIsBad()
    {
        var result = await _sandbox.Destination.CheckAsync(_sandbox.Context("expired-token"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("access_token", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-token", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_WhenTheTokenIsBad()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.OpenAsync("expired-token"));

        Assert.Contains("Meta refused the access token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("190", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-token", ex.FailedRequest!.RequestHeaders.Values.Concat([ex.FailedRequest.Url]), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Write_ThrowsConfigurationException_WhenTheTokenIsRevokedMidRun()
    {
        await using var writer = await _sandbox.OpenAsync();
        _sandbox.Host.Faults.Add(MetaFaults.InvalidToken());

        await Assert.ThrowsAsync<ConfigurationException>(() => writer.WriteAsync(Members.Adds(0, 2), CancellationToken.None));
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_NamingAudienceId_WhenTheAudienceDoesNotExist()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _sandbox.Destination.OpenAsync(_sandbox.Context(), _sandbox.Request("999999"), CancellationToken.None));

        Assert.Contains("audience_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_WhenTheAudienceBelongsToAnotherAdAccount()
    {
        var other = _sandbox.Emulator.CreateAudience("555", "Someone else's");

        var ex = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _sandbox.Destination.OpenAsync(_sandbox.Context(), _sandbox.Request(other.Id), CancellationToken.None));

        Assert.Contains("act_555", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_WhenAudienceIdIsMissing()
    {
        var request = _sandbox.Request() with { Settings = [] };

        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.Destination.OpenAsync(_sandbox.Context(), request, CancellationToken.None));

        Assert.Contains("'audience_id'", ex.Message, StringComparison.Ordinal);
    }
}
