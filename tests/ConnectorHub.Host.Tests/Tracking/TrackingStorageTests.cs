using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>What the tracking API stores, on both stores: once per message id, on the right profile, at the right time.</summary>
public sealed class TrackingStorageTests
{
    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Batch_StoresEachEventOnce_WhenRetriedWithTheSameMessageIds(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        var batch = new JsonObject
        {
            ["batch"] = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "track", ["event"] = "Clicked", ["anonymousId"] = "anon-" + (i % 5), ["messageId"] = "m-" + i,
            }).ToArray()),
        };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (status, body, _) = await hub.SendAsync("/v1/batch", batch);
            Assert.Equal(200, status);
            Assert.Equal(50, body["accepted"]!.GetValue<int>());
        }

        Assert.Equal(50, await hub.ScalarAsync<long>("SELECT count(*) FROM events WHERE source = 'website'"));
        Assert.Equal(50, await hub.ScalarAsync<long>("SELECT count(DISTINCT message_id) FROM events"));
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task AnonymousEvents_JoinTheKnownProfile_WhenTheAnonymousIdIsIdentifiedLater(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);

        // The user is known first (its own profile), then browses anonymously on another device (a second profile).
        await SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "u-1", ["traits"] = new JsonObject { ["email"] = "Ann@Example.com", ["firstName"] = "Ann" } });
        for (var i = 0; i < 3; i++)
        {
            await SendOkAsync(hub, "/v1/track", new JsonObject { ["anonymousId"] = "device-9", ["event"] = "Viewed " + i, ["messageId"] = "anon-" + i });
        }

        await SendOkAsync(hub, "/v1/page", new JsonObject { ["anonymousId"] = "device-9", ["name"] = "Pricing", ["messageId"] = "anon-page" });
        var anonymous = (await hub.ProfileAsync("anonymous_id:device-9"))["id"]!.GetValue<long>();
        var known = (await hub.ProfileAsync("user_id:u-1"))["id"]!.GetValue<long>();
        Assert.NotEqual(anonymous, known);

        // Logging in on that device identifies the anonymous id: the two profiles merge, no event lost or doubled.
        await SendOkAsync(hub, "/v1/identify", new JsonObject { ["userId"] = "u-1", ["anonymousId"] = "device-9", ["messageId"] = "login" });
        var profile = await hub.ProfileAsync("anonymous_id:device-9");
        var survivor = profile["id"]!.GetValue<long>();
        Assert.Equal(survivor, (await hub.ProfileAsync("user_id:u-1"))["id"]!.GetValue<long>());
        Assert.Equal("Ann", profile["traits"]!["first_name"]!["value"]!.GetValue<string>());
        var timeline = await hub.TimelineAsync(survivor);
        Assert.Equal(6, timeline.Count);
        Assert.Equal(6, timeline.Select(e => e["messageId"]!.GetValue<string>()).Distinct().Count());

        // Every event row points at the survivor, not only the timeline that also reads merged profiles.
        Assert.Equal(6, await hub.ScalarAsync<long>("SELECT count(*) FROM events WHERE profile_id = @survivor", new { survivor }));
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Timestamp_IsCorrectedForClientClockSkew_FromSentAt(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);

        // The client's clock is years behind; the event happened 10 s before the client sent it.
        var clientNow = new DateTimeOffset(2001, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var before = TimeProvider.System.GetUtcNow();
        await SendOkAsync(hub, "/v1/track", new JsonObject
        {
            ["anonymousId"] = "a-1", ["event"] = "Skewed", ["messageId"] = "skew",
            ["timestamp"] = clientNow.AddSeconds(-10).ToString("O", CultureInfo.InvariantCulture), ["sentAt"] = clientNow.ToString("O", CultureInfo.InvariantCulture),
        });
        var after = TimeProvider.System.GetUtcNow();
        var stored = (await hub.TimelineAsync((await hub.ProfileAsync("anonymous_id:a-1"))["id"]!.GetValue<long>())).Single();
        var timestamp = stored["timestamp"]!.GetValue<DateTimeOffset>();
        var received = stored["receivedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(received.AddSeconds(-10), timestamp);
        Assert.InRange(received, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task BatchContext_IsMergedIntoEachItem_ItemValuesWinning(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await SendOkAsync(hub, "/v1/batch", new JsonObject
        {
            ["context"] = new JsonObject { ["library"] = new JsonObject { ["name"] = "analytics-test", ["version"] = "1.0" }, ["ip"] = "10.0.0.1" },
            ["batch"] = new JsonArray(
                new JsonObject { ["type"] = "track", ["event"] = "A", ["anonymousId"] = "ctx", ["messageId"] = "c-1" },
                new JsonObject { ["type"] = "track", ["event"] = "B", ["anonymousId"] = "ctx", ["messageId"] = "c-2", ["context"] = new JsonObject { ["ip"] = "10.0.0.2", ["library"] = new JsonObject { ["version"] = "2.0" } } }),
        });

        var events = (await hub.TimelineAsync((await hub.ProfileAsync("anonymous_id:ctx"))["id"]!.GetValue<long>())).ToDictionary(e => e["messageId"]!.GetValue<string>());
        Assert.Equal("10.0.0.1", events["c-1"]["context"]!["ip"]!.GetValue<string>());
        Assert.Equal("1.0", events["c-1"]["context"]!["library"]!["version"]!.GetValue<string>());
        Assert.Equal("10.0.0.2", events["c-2"]["context"]!["ip"]!.GetValue<string>());
        Assert.Equal("analytics-test", events["c-2"]["context"]!["library"]!["name"]!.GetValue<string>());
        Assert.Equal("2.0", events["c-2"]["context"]!["library"]!["version"]!.GetValue<string>());
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task GroupAndAliasAndExternalIds_LinkAccountsAndIdentifiers(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await SendOkAsync(hub, "/v1/identify", new JsonObject
        {
            ["userId"] = "u-7", ["traits"] = new JsonObject { ["plan"] = "pro" },
            ["context"] = new JsonObject { ["externalIds"] = new JsonArray(new JsonObject { ["id"] = "c-77", ["type"] = "hubspot.contact_id", ["collection"] = "users", ["encoding"] = "none" }) },
        });
        await SendOkAsync(hub, "/v1/alias", new JsonObject { ["previousId"] = "old-anon", ["userId"] = "u-7" });
        await SendOkAsync(hub, "/v1/group", new JsonObject { ["userId"] = "u-7", ["groupId"] = "acme", ["traits"] = new JsonObject { ["name"] = "Acme Inc", ["industry"] = "Tools" } });

        var profile = await hub.ProfileAsync("hubspot.contact_id:c-77");
        var id = profile["id"]!.GetValue<long>();
        Assert.Equal(id, (await hub.ProfileAsync("anonymous_id:old-anon"))["id"]!.GetValue<long>());
        Assert.Equal("acme", profile["traits"]!["group_id"]!["value"]!.GetValue<string>());
        Assert.Equal("pro", profile["traits"]!["plan"]!["value"]!.GetValue<string>());
        Assert.Equal("Acme Inc", await hub.ScalarAsync<string>("SELECT name FROM accounts WHERE source = 'website' AND account_id = 'acme'"));
        Assert.Equal(id, await hub.ScalarAsync<long>("SELECT profile_id FROM account_members WHERE account_id = 'acme'"));
        Assert.Equal(["alias", "group", "identify"], (await hub.TimelineAsync(id)).Select(e => e["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    internal static async Task<JsonObject> SendOkAsync(TrackingHub hub, string path, JsonObject body)
    {
        var (status, answer, _) = await hub.SendAsync(path, body);
        Assert.True(status == 200, $"{path} answered {status}: {answer.ToJsonString()}");
        Assert.True(answer["success"]!.GetValue<bool>());
        Assert.Empty(answer["rejected"]!.AsArray());
        return answer;
    }
}
