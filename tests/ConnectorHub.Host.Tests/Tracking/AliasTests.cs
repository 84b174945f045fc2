using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Segment's alias links a previous id (an anonymous id, or a user id identified before) to the user id: the two
/// profiles merge within the identity limits, and the merge's reason is in the profile's history.
/// </summary>
public sealed class AliasTests
{
    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Alias_FromAnEarlierUserId_MergesTheTwoProfiles_WithTheReasonInTheHistory(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await TrackingStorageTests.SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "old-1", ["traits"] = new JsonObject { ["email"] = "ann@example.com" }, ["messageId"] = "id-old" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/track", new JsonObject { ["userId"] = "old-1", ["event"] = "Signed Up", ["messageId"] = "tr-old" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "new-1", ["traits"] = new JsonObject { ["plan"] = "pro" }, ["messageId"] = "id-new" });
        Assert.NotEqual((await hub.ProfileAsync("user_id:old-1"))["id"]!.GetValue<long>(), (await hub.ProfileAsync("user_id:new-1"))["id"]!.GetValue<long>());

        await TrackingStorageTests.SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "old-1", ["userId"] = "new-1", ["messageId"] = "alias-1" });

        var profile = await hub.ProfileAsync("user_id:new-1");
        var id = profile["id"]!.GetValue<long>();
        Assert.Equal(id, (await hub.ProfileAsync("user_id:old-1"))["id"]!.GetValue<long>());
        Assert.Equal(id, (await hub.ProfileAsync("email:ann@example.com"))["id"]!.GetValue<long>());
        Assert.Equal("pro", profile["traits"]!["plan"]!["value"]!.GetValue<string>());
        Assert.DoesNotContain(profile["identifiers"]!.AsArray(), i => i!["type"]!.GetValue<string>() == "anonymous_id");
        var merge = profile["history"]!.AsArray().Single(h => h!["kind"]!.GetValue<string>() == "merge")!;
        Assert.Equal("alias-1", merge["recordKey"]!.GetValue<string>());
        Assert.Contains("alias", merge["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("old-1", merge["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["alias-1", "id-new", "id-old", "tr-old"], (await hub.TimelineAsync(id)).Select(e => e["messageId"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // The page shows the merge and its reason.
        var page = await hub.Admin.GetStringAsync($"/profiles/{id}");
        Assert.Contains("alias call", page, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Alias_OfAnUnknownPreviousId_LinksItAsAnAnonymousId_AndChainsOfUserIdsMerge(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await TrackingStorageTests.SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "device-1", ["userId"] = "a" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "b" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "c" });

        await TrackingStorageTests.SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "a", ["userId"] = "b" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "b", ["userId"] = "c" });

        var id = (await hub.ProfileAsync("user_id:c"))["id"]!.GetValue<long>();
        Assert.Equal(id, (await hub.ProfileAsync("user_id:a"))["id"]!.GetValue<long>());
        Assert.Equal(id, (await hub.ProfileAsync("user_id:b"))["id"]!.GetValue<long>());
        Assert.Equal(id, (await hub.ProfileAsync("anonymous_id:device-1"))["id"]!.GetValue<long>());
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Alias_ThatWouldBreakAnIdentifierLimit_DoesNotMerge_AndSaysWhy(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider, new Dictionary<string, string?> { ["ConnectorHub:Identity:Types:email:Limit"] = "2" });
        foreach (var (user, emails) in new[] { ("old-2", new[] { "a1@example.com", "a2@example.com" }), ("new-2", ["b1@example.com"]) })
        {
            foreach (var email in emails)
            {
                await TrackingStorageTests.SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = user, ["traits"] = new JsonObject { ["email"] = email } });
            }
        }

        await TrackingStorageTests.SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "old-2", ["userId"] = "new-2", ["messageId"] = "alias-2" });

        var profile = await hub.ProfileAsync("user_id:new-2");
        Assert.NotEqual(profile["id"]!.GetValue<long>(), (await hub.ProfileAsync("user_id:old-2"))["id"]!.GetValue<long>());
        var drop = profile["history"]!.AsArray().Single(h => h!["kind"]!.GetValue<string>() == "drop")!;
        Assert.Equal("user_id:old-2", drop["identifier"]!.GetValue<string>());
        Assert.Contains("over the limit of 2", drop["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
