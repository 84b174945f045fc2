using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>Every way the tracking API refuses a request or an event: never silently, always saying why.</summary>
public sealed class TrackingRejectionTests
{
    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Batch_ListsEachInvalidEvent_WithIndexAndReason_AndStoresTheRest(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        var batch = new JsonArray(
            new JsonObject { ["type"] = "track", ["event"] = "Fine", ["userId"] = "u", ["messageId"] = "ok-1" },
            new JsonObject { ["type"] = "track", ["userId"] = "u", ["messageId"] = "no-event" },
            new JsonObject { ["type"] = "identify", ["traits"] = new JsonObject(), ["messageId"] = "no-ids" },
            new JsonObject { ["type"] = "alias", ["userId"] = "u", ["messageId"] = "no-previous" },
            new JsonObject { ["type"] = "group", ["userId"] = "u", ["messageId"] = "no-group" },
            new JsonObject { ["type"] = "unknown", ["userId"] = "u", ["messageId"] = "bad-type" },
            new JsonObject { ["type"] = "track", ["event"] = "Big", ["userId"] = "u", ["messageId"] = "too-big", ["properties"] = new JsonObject { ["blob"] = new string('x', 33 * 1024) } },
            new JsonObject { ["type"] = "page", ["anonymousId"] = "a", ["messageId"] = "bad-time", ["timestamp"] = "yesterday" },
            "not an object",
            new JsonObject { ["type"] = "page", ["anonymousId"] = "a", ["messageId"] = "ok-2" });
        var (status, body, _) = await hub.SendAsync("/v1/batch", new JsonObject { ["batch"] = batch });

        Assert.Equal(200, status);
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        var rejected = body["rejected"]!.AsArray().ToDictionary(r => r!["index"]!.GetValue<int>(), r => r!["reason"]!.GetValue<string>());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], rejected.Keys.Order());
        Assert.Contains("track needs 'event'", rejected[1], StringComparison.Ordinal);
        Assert.Contains("identify needs 'userId' or 'anonymousId'", rejected[2], StringComparison.Ordinal);
        Assert.Contains("alias needs 'previousId' and 'userId'", rejected[3], StringComparison.Ordinal);
        Assert.Contains("group needs 'groupId'", rejected[4], StringComparison.Ordinal);
        Assert.Contains("'type' must be one of", rejected[5], StringComparison.Ordinal);
        Assert.Contains("the limit is 32768 bytes per event", rejected[6], StringComparison.Ordinal);
        Assert.Contains("'timestamp' must be an ISO-8601", rejected[7], StringComparison.Ordinal);
        Assert.Contains("must be an object", rejected[8], StringComparison.Ordinal);
        Assert.Equal("too-big", body["rejected"]!.AsArray().Single(r => r!["index"]!.GetValue<int>() == 6)!["messageId"]!.GetValue<string>());
        Assert.Equal(2, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task SingleCall_MissingItsRequiredField_IsListedAsRejected()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var (status, body, _) = await hub.SendAsync("/v1/track", new JsonObject { ["userId"] = "u", ["messageId"] = "m" });

        Assert.Equal(200, status);
        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        Assert.Equal("m", body["rejected"]![0]!["messageId"]!.GetValue<string>());
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task TooLargeEvent_And_TooLargeBatch_Are400_WithTheLimit_AsSegmentAnswers()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var single = new JsonObject { ["userId"] = "u", ["event"] = "Big", ["properties"] = new JsonObject { ["blob"] = new string('x', 33 * 1024) } };
        var (eventStatus, eventBody, _) = await hub.SendAsync("/v1/track", single);
        var items = Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "track", ["userId"] = "u", ["event"] = "E", ["properties"] = new JsonObject { ["blob"] = new string('y', 30 * 1024) },
        }).ToArray();
        var (batchStatus, batchBody, _) = await hub.SendAsync("/v1/batch", new JsonObject { ["batch"] = new JsonArray(items) });

        Assert.Equal(400, eventStatus);
        Assert.Contains("the limit is 32768 bytes per event", eventBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, batchStatus);
        Assert.Contains("the limit is 512000 bytes per request", batchBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task UnreadableJson_Is400_WithLineBytePositionAndPath()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        const string Broken = "{\n  \"batch\": [\n    {\"type\": \"track\", \"event\": \"A\", \"userId\": \"u\"},\n    {\"type\": \"track\", \"properties\": {\"price\": 12,, \"x\": 1}}\n  ]\n}";
        var (status, body, _) = await hub.SendAsync("/v1/batch", Broken);

        Assert.Equal(400, status);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(4, body["line"]!.GetValue<long>());
        Assert.Equal(Broken.Split('\n')[3].IndexOf(",,", StringComparison.Ordinal) + 1, body["bytePositionInLine"]!.GetValue<long>());
        Assert.Equal("$.batch[1].properties.price", body["path"]!.GetValue<string>());
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task UnknownKey_AndRevokedKey_Are401()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var call = new JsonObject { ["userId"] = "u", ["event"] = "E" };
        using var stranger = hub.Hub.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = TrackingHub.Basic("whk_not-a-key");
        var (unknownStatus, unknownBody, _) = await hub.SendAsync("/v1/track", call, stranger);
        using var anonymous = hub.Hub.CreateClient();
        var (missingStatus, _, _) = await hub.SendAsync("/v1/track", call, anonymous);
        var (bodyKeyStatus, _, _) = await hub.SendAsync("/v1/track", new JsonObject { ["userId"] = "u", ["event"] = "E", ["writeKey"] = hub.WriteKey }, anonymous);

        var keys = await hub.Admin.GetStringAsync($"/api/tracking/sources/{hub.SourceId}/write-keys");
        var keyId = JsonNode.Parse(keys)![0]!["id"]!.GetValue<Guid>();
        using var revoke = await hub.Admin.DeleteAsync($"/api/tracking/sources/{hub.SourceId}/write-keys/{keyId}");
        var (revokedStatus, _, _) = await hub.SendAsync("/v1/track", call);

        Assert.Equal(401, unknownStatus);
        Assert.Contains("write key is unknown or revoked", unknownBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(401, missingStatus);
        Assert.Equal(200, bodyKeyStatus);
        Assert.Equal(204, (int)revoke.StatusCode);
        Assert.Equal(401, revokedStatus);
        Assert.Equal(1, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task SourceOverItsRateLimit_Is429_WithRetryAfter()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["ConnectorHub:Tracking:RequestsPerSecond"] = "0.01",
            ["ConnectorHub:Tracking:Burst"] = "2",
        });
        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            var (status, _, response) = await hub.SendAsync("/v1/track", new JsonObject { ["userId"] = "u", ["event"] = "E", ["messageId"] = "r-" + i });
            statuses.Add(status);
            last = response;
        }

        Assert.Equal([200, 200, 429], statuses);
        Assert.InRange(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 50, 100);
        Assert.Equal(2, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }
}
