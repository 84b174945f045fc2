using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>Every field of Segment's spec is kept, also those older clients send at the top level of a call.</summary>
public sealed class SpecFieldsTests
{
    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task PageAndScreen_KeepTopLevelCategoryAndName_AndEveryCallKeepsItsIntegrations(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await TrackingStorageTests.SendOkAsync(hub, "/v1/page", new JsonObject
        {
            ["anonymousId"] = "spec-1", ["messageId"] = "page-1", ["category"] = "Docs", ["name"] = "Pricing",
            ["properties"] = new JsonObject { ["path"] = "/pricing", ["url"] = "https://example.com/pricing" },
            ["integrations"] = new JsonObject { ["All"] = false, ["Mixpanel"] = true },
        });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/screen", new JsonObject
        {
            ["anonymousId"] = "spec-1", ["messageId"] = "screen-1", ["category"] = "Onboarding", ["name"] = "Welcome",
        });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/page", new JsonObject
        {
            ["anonymousId"] = "spec-1", ["messageId"] = "page-2", ["category"] = "Top", ["name"] = "Top name",
            ["properties"] = new JsonObject { ["category"] = "Own", ["name"] = "Own name" },
        });

        var events = (await hub.TimelineAsync((await hub.ProfileAsync("anonymous_id:spec-1"))["id"]!.GetValue<long>())).ToDictionary(e => e["messageId"]!.GetValue<string>());
        Assert.Equal("Pricing", events["page-1"]["name"]!.GetValue<string>());
        Assert.Equal("Docs", events["page-1"]["properties"]!["category"]!.GetValue<string>());
        Assert.Equal("Pricing", events["page-1"]["properties"]!["name"]!.GetValue<string>());
        Assert.Equal("/pricing", events["page-1"]["properties"]!["path"]!.GetValue<string>());
        Assert.True(events["page-1"]["integrations"]!["Mixpanel"]!.GetValue<bool>());
        Assert.False(events["page-1"]["integrations"]!["All"]!.GetValue<bool>());
        Assert.Equal("Welcome", events["screen-1"]["name"]!.GetValue<string>());
        Assert.Equal("Onboarding", events["screen-1"]["properties"]!["category"]!.GetValue<string>());
        Assert.Null(events["screen-1"]["integrations"]);

        // The call's own properties win over the top-level fields, as Segment's libraries merge them.
        Assert.Equal("Own", events["page-2"]["properties"]!["category"]!.GetValue<string>());
        Assert.Equal("Own name", events["page-2"]["properties"]!["name"]!.GetValue<string>());
        Assert.Equal("Top name", events["page-2"]["name"]!.GetValue<string>());
    }
}
