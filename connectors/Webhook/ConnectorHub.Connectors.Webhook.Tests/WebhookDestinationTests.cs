using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Tests;

public sealed class WebhookDestinationTests
{
    [Fact]
    public void Capabilities_OfferEveryOperationAndTheBatchCap()
    {
        var capabilities = new WebhookDestination().GetCapabilities();

        Assert.Equal(1000, capabilities.MaxBatchSize);
        Assert.Equal(Enum.GetValues<RecordOperation>(), capabilities.SupportedOperations);
        Assert.Contains(DestinationSyncMode.Upsert, capabilities.SupportedModes);
        Assert.Contains(DestinationSyncMode.AddRemove, capabilities.SupportedModes);
        Assert.DoesNotContain(DestinationSyncMode.Overwrite, capabilities.SupportedModes);
    }

    [Fact]
    public void Manifest_NamesTheEntryTypeAndAllowsUserGivenHosts()
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")))!;

        Assert.Equal(typeof(WebhookDestination).FullName, manifest["entryType"]!.GetValue<string>());
        Assert.Equal("webhook", manifest["id"]!.GetValue<string>());
        Assert.Equal("*", Assert.Single(manifest["allowedHosts"]!.AsArray())!.GetValue<string>());
    }
}
