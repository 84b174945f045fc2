using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Destinations;
using ConnectorHub.Templates.Tests.Support;

namespace ConnectorHub.Templates.Tests;

/// <summary><c>dotnet new connectorhub-destination -n Acme --plugin-id acme-crm</c>.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class DestinationTemplateTests(TemplateRuns runs) : TemplateTests
{
    protected override Type KitTests => typeof(DestinationAcceptanceTests<>);

    protected override string AcceptanceClass => "ConnectorHub.Connectors.Acme.Tests.AcmeDestinationAcceptanceTests";

    protected override IReadOnlyDictionary<string, string> ExpectedSkips { get; } = new Dictionary<string, string>();

    protected override PluginKind Kind => PluginKind.Destination;

    protected override string EntryType => "ConnectorHub.Connectors.Acme.AcmeDestination";

    protected override Task<GeneratedConnector> ConnectorAsync() => runs.Destination;

    protected override Task UsableThroughTheHubAsync(LoadedPlugin plugin)
    {
        var capabilities = plugin.Destination.GetCapabilities();
        Assert.Equal([DestinationSyncMode.Upsert], capabilities.SupportedModes);
        Assert.Equal(500, capabilities.MaxBatchSize);
        return Task.CompletedTask;
    }
}
