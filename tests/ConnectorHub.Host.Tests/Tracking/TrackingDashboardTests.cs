using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>The dashboard's tracking page and the live view it polls.</summary>
public sealed class TrackingDashboardTests
{
    [Fact]
    public async Task TrackingPage_ListsSourcesWithMaskedKeys_AndLiveViewShowsCommittedEvents()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        await TrackingStorageTests.SendOkAsync(hub, "/v1/track", new JsonObject { ["userId"] = "live-user", ["event"] = "Live Clicked", ["messageId"] = "live-1" });

        var page = await hub.Admin.GetStringAsync("/tracking");
        var live = (await hub.Admin.GetFromJsonAsync<JsonArray>("/api/tracking/events/recent?limit=5"))!;

        Assert.Contains("data-source=\"website\"", page, StringComparison.Ordinal);
        Assert.Contains(hub.WriteKey[..10], page, StringComparison.Ordinal);
        Assert.DoesNotContain(hub.WriteKey, page, StringComparison.Ordinal);
        var latest = live.Single()!;
        Assert.Equal("live-1", latest["messageId"]!.GetValue<string>());
        Assert.Equal("Live Clicked", latest["name"]!.GetValue<string>());
        Assert.Equal("website", latest["source"]!.GetValue<string>());
    }
}
