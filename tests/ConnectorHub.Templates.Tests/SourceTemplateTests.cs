using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Templates.Tests.Support;

namespace ConnectorHub.Templates.Tests;

/// <summary><c>dotnet new connectorhub-source -n Acme</c>, with the default plugin id.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class SourceTemplateTests(TemplateRuns runs) : TemplateTests
{
    protected override Type KitTests => typeof(SourceAcceptanceTests<>);

    protected override string AcceptanceClass => "ConnectorHub.Connectors.Acme.Tests.AcmeSourceAcceptanceTests";

    protected override IReadOnlyDictionary<string, string> ExpectedSkips { get; } = new Dictionary<string, string>();

    protected override IReadOnlyList<string> ExpectedSecrets { get; } = ["client_secret", "refresh_token", "access_token"];

    protected override PluginKind Kind => PluginKind.Source;

    protected override string EntryType => "ConnectorHub.Connectors.Acme.AcmeSource";

    [Fact]
    public async Task DefaultMapping_MapsAContact_ToAProfileFragment()
    {
        var connector = await BuiltAsync();
        var mapping = Assert.Single(MappingFolder.LoadAll(connector.PluginFolder)["contacts"]);

        var outcome = mapping.Map(new JsonObject
        {
            ["id"] = "c_1000",
            ["email"] = " Ada.Lovelace0@Example.com ",
            ["first_name"] = "Ada",
            ["last_name"] = "Lovelace",
            ["phone"] = "+1 415 555 0000",
            ["created_at"] = "2023-12-31T00:00:00Z",
            ["updated_at"] = "2024-01-01T00:00:00Z",
        });

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        var identifiers = outcome.Entity!["identifiers"]!.AsArray().Select(i => $"{i!["type"]}:{i["value"]}").ToArray();
        Assert.Contains("acme.contact_id:c_1000", identifiers);
        Assert.Contains("email:ada.lovelace0@example.com", identifiers);
        Assert.Equal("acme", outcome.Entity["source"]!.GetValue<string>());
    }

    protected override Task<GeneratedConnector> ConnectorAsync() => runs.Source;

    protected override async Task UsableThroughTheHubAsync(LoadedPlugin plugin)
    {
        var context = new ConnectorContext { Config = ConnectorConfig.Empty };
        var stream = Assert.Single(await plugin.Source.DiscoverAsync(context, CancellationToken.None));
        Assert.Equal("contacts", stream.Name);
        Assert.Equal([SyncMode.FullRefresh, SyncMode.Incremental], stream.SupportedSyncModes);
    }
}
