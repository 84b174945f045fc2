using ConnectorHub.Sdk.Specs;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests;

public sealed class SpecTests
{
    private readonly SquareSource _source = new();

    [Fact]
    public void Spec_MarksTokensAndTheClientSecretAsSecret()
    {
        var secrets = ConfigSecrets.SecretFields(_source.GetSpec());

        Assert.Equal(["access_token", "client_secret", "refresh_token"], secrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Discover_ListsThreeStreams_KeyedById_WithAnUpdatedAtCursor()
    {
        var context = new Sdk.Connectors.ConnectorContext { Config = new(new() { ["access_token"] = "EAAA-x" }) };

        var streams = await _source.DiscoverAsync(context, CancellationToken.None);

        Assert.Equal(["customers", "orders", "payments"], streams.Select(s => s.Name));
        Assert.All(streams, s =>
        {
            Assert.Equal([["id"]], s.PrimaryKey);
            Assert.Equal(["updated_at"], s.DefaultCursorField);
            Assert.Contains(SyncMode.Incremental, s.SupportedSyncModes);
            Assert.True(s.ResumableFullRefresh);
        });
    }

    [Fact]
    public void Plugin_ManifestNamesTheEntryType()
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")))!;

        Assert.Equal("square", manifest["id"]!.GetValue<string>());
        Assert.Equal(typeof(SquareSource).FullName, manifest["entryType"]!.GetValue<string>());
        Assert.Equal("source", manifest["kind"]!.GetValue<string>());
    }
}
