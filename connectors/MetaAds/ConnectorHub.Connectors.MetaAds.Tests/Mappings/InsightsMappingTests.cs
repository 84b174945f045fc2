using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Mappings;

/// <summary>mappings/insights_daily.yaml against the insights the emulator seeded, read by the real connector at each level.</summary>
public sealed class InsightsMappingTests : IAsyncLifetime
{
    private static readonly (string Canonical, string Meta)[] Ids = [("campaign_id", "campaign_id"), ("ad_set_id", "adset_id"), ("ad_id", "ad_id")];

    private static readonly (string Canonical, string Meta)[] Names = [("campaign_name", "campaign_name"), ("ad_set_name", "adset_name"), ("ad_name", "ad_name")];

    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public void DefaultMappings_CompileFromThePluginFolder_ForInsightsOnly()
    {
        var mappings = DefaultMappings.Load();

        Assert.Equal(["insights_daily"], mappings.Keys);
        Assert.Equal(CanonicalEntityType.AdPerformance, DefaultMappings.Of("insights_daily").EntityType);
    }

    [Fact]
    public async Task Map_EverySeededAdRow_WithoutRejections_MetricsAsNumbers_AndPurchasesAsConversions()
    {
        var mapping = DefaultMappings.Of("insights_daily");
        var rows = (await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-01", pageSize: 100))).Records("insights_daily");

        Assert.Equal(_sandbox.ExpectedAdKeys(new DateOnly(2024, 5, 1), MetaAdsSandbox.LastDay).Count, rows.Count);
        foreach (var row in rows)
        {
            var entity = mapping.MapOrFail(row);
            Assert.Equal("meta", entity["platform"]!.GetValue<string>());
            foreach (var (canonical, meta) in Ids)
            {
                Assert.Equal(row[meta]!.GetValue<string>(), entity[canonical]!.GetValue<string>());
            }

            Assert.Equal(row["date_start"]!.GetValue<string>(), entity["date"]!.GetValue<string>());
            Assert.Equal(DefaultMappings.Number(row["impressions"]), DefaultMappings.Number(entity["impressions"]));
            Assert.Equal(DefaultMappings.Number(row["clicks"]), DefaultMappings.Number(entity["clicks"]));
            Assert.Equal(DefaultMappings.Number(row["spend"]), DefaultMappings.Number(entity["spend"]));
            Assert.Equal("USD", entity["currency"]!.GetValue<string>());
            Assert.Equal(Purchases(row), DefaultMappings.Number(entity["conversions"]));
        }

        Assert.Contains(rows, r => Purchases(r) > 0);
        Assert.Contains(rows, r => Purchases(r) == 0);
        Assert.All(rows, r => Assert.Equal(JsonValueKind.String, r["spend"]!.GetValueKind()));
    }

    [Theory]
    [InlineData("campaign", 2)]
    [InlineData("adset", 4)]
    [InlineData("account", 0)]
    public async Task Map_RowsOfAHigherLevel_CarryThatLevelsIdsAndNames_AndLeaveTheRestOut(string level, int idsExpected)
    {
        var mapping = DefaultMappings.Of("insights_daily");
        var rows = (await _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(startDate: "2024-05-25", level: level))).Records("insights_daily");

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var entity = mapping.MapOrFail(row);
            var present = Ids.Concat(Names).Where(p => entity[p.Canonical] is not null).ToList();
            Assert.Equal(idsExpected, present.Count);
            Assert.All(present, p => Assert.Equal(row[p.Meta]!.GetValue<string>(), entity[p.Canonical]!.GetValue<string>()));
            Assert.Equal(row["account_id"]!.GetValue<string>(), entity["account_id"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Map_ARowWithoutActions_HasNoConversions_AndOnlyThePurchaseActionCounts()
    {
        var mapping = DefaultMappings.Of("insights_daily");
        var row = new JsonObject
        {
            ["account_id"] = "1234567890",
            ["account_currency"] = "eur",
            ["campaign_id"] = "23851234567890123",
            ["date_start"] = "2024-06-01",
            ["date_stop"] = "2024-06-01",
            ["impressions"] = "361324",
            ["clicks"] = "7346",
            ["spend"] = "5339.5",
        };

        var without = mapping.MapOrFail(row);
        row["actions"] = new JsonArray(
            new JsonObject { ["action_type"] = "link_click", ["value"] = "6120" },
            new JsonObject { ["action_type"] = "offsite_conversion.fb_pixel_purchase", ["value"] = "87" },
            new JsonObject { ["action_type"] = "purchase", ["value"] = "87" });
        var with = mapping.MapOrFail(row);

        Assert.Equal(0m, DefaultMappings.Number(without["conversions"]));
        Assert.Equal(87m, DefaultMappings.Number(with["conversions"]));
        Assert.Equal(5339.5m, DefaultMappings.Number(with["spend"]));
        Assert.Equal("EUR", with["currency"]!.GetValue<string>());
        Assert.Null(with["ad_id"]);
    }

    private static decimal Purchases(JsonObject row) =>
        (row["actions"] as JsonArray ?? []).Where(a => a!["action_type"]!.GetValue<string>() == "purchase").Select(a => DefaultMappings.Number(a!["value"])).SingleOrDefault();
}
