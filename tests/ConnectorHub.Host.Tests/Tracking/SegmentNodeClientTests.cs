using System.Runtime.CompilerServices;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Segment's official Node client (<c>@segment/analytics-node</c>, pinned by <c>node/package-lock.json</c>) pointed at
/// the hub on a real port: every call it sends lands on the profile, readable through the profiles API.
/// </summary>
public sealed class SegmentNodeClientTests
{
    private static readonly NodeScripts Node = new(Path.Combine(Path.GetDirectoryName(SourceFile())!, "node"), "Segment's official Node client");

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task OfficialClient_IdentifyTrackPageScreenAliasGroup_AllLandOnTheProfile(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider, kestrelPort: FreePort.Next());
        var baseAddress = hub.Tracker.BaseAddress!.ToString().TrimEnd('/');

        var output = await Node.RunAsync("segment-client.js", baseAddress, hub.WriteKey);

        Assert.Equal("{\"errors\":[]}", output.ToJsonString());
        var profile = await hub.ProfileAsync("email:node.user@example.com");
        var id = profile["id"]!.GetValue<long>();
        Assert.Equal(id, (await hub.ProfileAsync("anonymous_id:node-anon-1"))["id"]!.GetValue<long>());
        Assert.Equal(id, (await hub.ProfileAsync("anonymous_id:node-old-anon"))["id"]!.GetValue<long>());
        Assert.Equal("Nora", profile["traits"]!["first_name"]!["value"]!.GetValue<string>());
        Assert.Equal("team", profile["traits"]!["plan"]!["value"]!.GetValue<string>());
        Assert.Equal("node-group-1", profile["traits"]!["group_id"]!["value"]!.GetValue<string>());
        var events = (await hub.TimelineAsync(id)).ToDictionary(e => e["messageId"]!.GetValue<string>());
        Assert.Equal(["node-alias", "node-group", "node-identify", "node-page-anon", "node-screen", "node-track-anon", "node-track-user"], events.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Order Completed", events["node-track-user"]["name"]!.GetValue<string>());
        Assert.Equal(42.5, events["node-track-user"]["properties"]!["total"]!.GetValue<double>());
        Assert.Equal("Pricing", events["node-page-anon"]["name"]!.GetValue<string>());
        Assert.Equal("@segment/analytics-node", events["node-screen"]["context"]!["library"]!["name"]!.GetValue<string>());
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
