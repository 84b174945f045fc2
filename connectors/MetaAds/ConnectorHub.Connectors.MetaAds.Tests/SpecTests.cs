using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Specs;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests;

public sealed class SpecTests
{
    private readonly MetaAdsSource _source = new();

    [Fact]
    public void Spec_MarksTheAccessTokenAsSecret()
    {
        Assert.Equal(["access_token"], ConfigSecrets.SecretFields(_source.GetSpec()));
    }

    [Fact]
    public async Task Discover_ListsTheStreams_WithInsightsKeyedByAccountEntityAndDate()
    {
        var streams = await _source.DiscoverAsync(Context(new JsonObject { ["access_token"] = "x", ["insights_level"] = "campaign" }), CancellationToken.None);

        Assert.Equal(["ad_accounts", "campaigns", "adsets", "ads", "insights_daily"], streams.Select(s => s.Name));
        var insights = streams.Single(s => s.Name == "insights_daily");
        Assert.Equal([["account_id"], ["campaign_id"], ["date_start"]], insights.PrimaryKey);
        Assert.Equal(["date_start"], insights.DefaultCursorField);
        Assert.Contains(SyncMode.Incremental, insights.SupportedSyncModes);
        Assert.All(streams.Where(s => s.Name != "insights_daily"), s => Assert.Equal([SyncMode.FullRefresh], s.SupportedSyncModes));
    }

    [Theory]
    [InlineData("insights_level", "creative")]
    [InlineData("ad_account_ids", "acct-12")]
    [InlineData("start_date", "01/05/2024")]
    [InlineData("lookback_days", "400")]
    public async Task BadSettings_AreConfigurationErrors_NamingTheSetting(string setting, string value)
    {
        var config = new JsonObject { ["access_token"] = "x", [setting] = setting == "ad_account_ids" ? new JsonArray(value) : value };

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _source.DiscoverAsync(Context(config), CancellationToken.None));

        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugin_ManifestNamesTheEntryType()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")))!;

        Assert.Equal("meta-ads", manifest["id"]!.GetValue<string>());
        Assert.Equal(typeof(MetaAdsSource).FullName, manifest["entryType"]!.GetValue<string>());
    }

    private static ConnectorContext Context(JsonObject config) => new() { Config = new ConnectorConfig(config) };
}
