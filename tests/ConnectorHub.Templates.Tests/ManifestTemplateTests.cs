using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Templates.Tests.Support;

namespace ConnectorHub.Templates.Tests;

/// <summary><c>dotnet new connectorhub-manifest -n Acme --plugin-id acme-manifest</c>: a source with no code.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class ManifestTemplateTests(TemplateRuns runs) : TemplateTests
{
    protected override Type KitTests => typeof(SourceAcceptanceTests<>);

    protected override string AcceptanceClass => "ConnectorHub.Connectors.Acme.Tests.AcmeSourceAcceptanceTests";

    protected override IReadOnlyDictionary<string, string> ExpectedSkips { get; } = new Dictionary<string, string>
    {
        [nameof(SourceAcceptanceTests<SourceAcceptanceFixture>.Read_RefreshesExpiredToken_AndPersistsRotatedRefreshToken)] = "long-lived API keys",
    };

    protected override PluginKind Kind => PluginKind.Source;

    protected override string EntryType => "ConnectorHub.Sdk.Manifests.ManifestSource";

    [Fact]
    public async Task PluginFolder_HoldsNoAssembly()
    {
        var connector = await BuiltAsync();

        Assert.True(File.Exists(Path.Combine(connector.PluginFolder, "connector.yaml")));
        Assert.Empty(Directory.GetFiles(connector.PluginFolder, "*.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task DefaultMapping_MapsAContact_ToAProfileFragment()
    {
        var connector = await BuiltAsync();
        var mapping = Assert.Single(MappingFolder.LoadAll(connector.PluginFolder)["contacts"]);

        var outcome = mapping.Map(new JsonObject { ["id"] = "c_1000", ["email"] = " Ada@Example.com ", ["updated_at"] = "2024-01-01T00:00:00Z" });

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal("acme-manifest", outcome.Entity!["source"]!.GetValue<string>());
    }

    protected override Task<GeneratedConnector> ConnectorAsync() => runs.Manifest;

    protected override async Task UsableThroughTheHubAsync(LoadedPlugin plugin)
    {
        Assert.True(plugin.Manifest.IsManifestOnly);
        var stream = Assert.Single(await plugin.Source.DiscoverAsync(new ConnectorContext { Config = ConnectorConfig.Empty }, CancellationToken.None));
        Assert.Equal("contacts", stream.Name);
        Assert.Equal([SyncMode.FullRefresh, SyncMode.Incremental], stream.SupportedSyncModes);
    }
}
