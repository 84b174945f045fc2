using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Tests.Receiving;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.Webhook.Tests.Checking;

public sealed class WebhookCheckTests : IAsyncLifetime
{
    private readonly WebhookTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Check_ReceiverAcceptsTheSignedPing_Succeeds()
    {
        var result = await CheckAsync(_bed.Config());

        Assert.True(result.Succeeded, result.Message);
        var ping = Assert.Single(_bed.Receiver.Requests);
        Assert.True(ping.SignatureValid);
        Assert.Equal("connectorhub.check", ping.Body["stream"]!.GetValue<string>());
        Assert.Empty(ping.Keys);
    }

    [Fact]
    public async Task Check_ReceiverRefusesTheSignature_FailsSayingWhatToCheck()
    {
        var result = await CheckAsync(_bed.Config(new JsonObject { ["signing_secret"] = "a-different-secret-value" }));

        Assert.False(result.Succeeded);
        Assert.Contains("signing_secret", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadConfiguration_FailsWithoutSendingAnything()
    {
        var result = await CheckAsync(new JsonObject { ["url"] = "not a url" });

        Assert.False(result.Succeeded);
        Assert.Contains("'url'", result.Message, StringComparison.Ordinal);
        Assert.Empty(_bed.Receiver.Requests);
    }

    [Fact]
    public async Task Check_ReceiverDown_FailsSayingItCannotBeReached()
    {
        _bed.Receiver.Then(502).Then(502);

        var result = await CheckAsync(_bed.Config());

        Assert.False(result.Succeeded);
        Assert.Contains("could not be reached", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, _bed.Receiver.Requests.Count);
    }

    private Task<CheckResult> CheckAsync(JsonObject config) =>
        new WebhookDestination().CheckAsync(_bed.Context(config), CancellationToken.None);
}
