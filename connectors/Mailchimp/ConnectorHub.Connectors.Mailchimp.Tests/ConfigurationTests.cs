using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Tests;

public sealed class ConfigurationTests : IAsyncLifetime
{
    private MailchimpSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MailchimpSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Check_Succeeds_WithAGoodKey()
    {
        var result = await _sandbox.Destination.CheckAsync(_sandbox.Context(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("us14", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ffffffffffffffffffffffffffffffff-us14")]
    [InlineData("0123456789abcdef0123456789abcdef-us2")]
    public async Task Check_Fails_AndOpenThrowsConfigurationException_ForABadKeyOrWrongDataCenter(string key)
    {
        var check = await _sandbox.Destination.CheckAsync(_sandbox.Context(key), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.OpenAsync(apiKey: key));

        Assert.False(check.Succeeded);
        Assert.Contains("'api_key'", check.Message, StringComparison.Ordinal);
        Assert.Contains("API Key Invalid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
        Assert.Equal("***", ex.FailedRequest!.RequestHeaders["Authorization"]);
    }

    [Fact]
    public async Task Write_ThrowsConfigurationException_WhenTheKeyIsRevokedMidRun()
    {
        await using var writer = await _sandbox.OpenAsync();
        _sandbox.Host.Faults.Add(MailchimpFaults.ApiKeyInvalid());

        await Assert.ThrowsAsync<ConfigurationException>(() => writer.WriteAsync(People.Upserts(0, 2), CancellationToken.None));
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_NamingListId_WhenTheListDoesNotExist()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _sandbox.Destination.OpenAsync(_sandbox.Context(), _sandbox.Request(new() { ["list_id"] = "0000000000" }), CancellationToken.None));

        Assert.Contains("'list_id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ThrowsConfigurationException_WhenAMappedMergeFieldIsMissing()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _sandbox.OpenAsync(new() { ["merge_fields"] = new JsonObject { ["plan"] = "TIER" } }));

        Assert.Contains("TIER", ex.Message, StringComparison.Ordinal);
    }
}
