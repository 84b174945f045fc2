using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Input that once crashed the hub (500) or broke the commit of everyone sharing it (503): invalid UTF-8, duplicate
/// keys, clock-skew corrections beyond the calendar, lone surrogates, NUL characters, numbers no SQL numeric holds,
/// ids too long to index. Each is now a rejection that says what and where, and the valid events beside it are stored.
/// </summary>
public sealed class HostileInputTests
{
    private const string InvalidUtf8Marker = "@@INVALID-UTF8@@";

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task Batch_RejectsEachHostileEvent_NamingWhatAndWhere_AndStoresTheValidOnes(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        var items = new[]
        {
            """{"type":"track","event":"Fine","userId":"u-1","messageId":"ok-1"}""",
            $$$"""{"type":"track","event":"Utf8","userId":"u-1","messageId":"bad-utf8","properties":{"name":"caf{{{InvalidUtf8Marker}}}"}}""",
            """{"type":"track","event":"Dup","userId":"u-1","messageId":"bad-dup","properties":{"a":1,"a":2}}""",
            """{"type":"track","event":"Skew","userId":"u-1","messageId":"bad-skew","timestamp":"0001-01-02T00:00:00Z","sentAt":"9999-12-30T00:00:00Z"}""",
            """{"type":"track","event":"Surrogate","userId":"u-1","messageId":"bad-surrogate","properties":{"x":"\ud800"}}""",
            """{"type":"track","event":"Nul","userId":"u-1","messageId":"bad-nul","properties":{"note":"a\u0000b"}}""",
            """{"type":"track","event":"Huge","userId":"u-1","messageId":"bad-number","properties":{"n":1e999999}}""",
            $$$"""{"type":"identify","userId":"{{{new string('u', 2000)}}}","messageId":"bad-long-id"}""",
            """{"type":"page","anonymousId":"a-1","messageId":"ok-2","name":"Home"}""",
        };

        var (status, body, _) = await hub.SendBytesAsync("/v1/batch", Body("{\"batch\":[" + string.Join(",", items) + "]}"));

        Assert.True(status == 200, body.ToJsonString());
        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        var rejected = body["rejected"]!.AsArray().ToDictionary(r => r!["index"]!.GetValue<int>(), r => r!["reason"]!.GetValue<string>());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rejected.Keys.Order());
        AssertNames(rejected[1], "UTF-8", "$.batch[1].properties.name");
        AssertNames(rejected[2], "duplicate", "$.batch[2].properties.a");
        AssertNames(rejected[3], "sentAt", "$.batch[3].timestamp");
        AssertNames(rejected[4], "surrogate", "$.batch[4].properties.x");
        AssertNames(rejected[5], "NUL", "$.batch[5].properties.note");
        AssertNames(rejected[6], "number", "$.batch[6].properties.n");
        AssertNames(rejected[7], "userId", "at most");
        Assert.Equal("bad-dup", body["rejected"]!.AsArray().Single(r => r!["index"]!.GetValue<int>() == 2)!["messageId"]!.GetValue<string>());
        Assert.Equal(2, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal(2, await hub.ScalarAsync<long>("SELECT count(*) FROM events WHERE message_id IN ('ok-1', 'ok-2')"));
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task SingleCalls_WithHostileContent_AreRejected_NeverAServerError(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        var calls = new (string Path, string Json, string Expected)[]
        {
            ("/v1/track", $$$"""{"event":"E","userId":"u","properties":{"v":"{{{InvalidUtf8Marker}}}"}}""", "UTF-8"),
            ("/v1/identify", """{"userId":"u","traits":{"email":"a@example.com","email":"b@example.com"}}""", "duplicate"),
            ("/v1/page", """{"anonymousId":"a","name":"\udc00"}""", "surrogate"),
            ("/v1/screen", """{"anonymousId":"a\u0000","name":"Home"}""", "NUL"),
            ("/v1/group", """{"userId":"u","groupId":"g","timestamp":"9999-12-31T00:00:00Z","sentAt":"0001-01-01T00:00:00Z"}""", "sentAt"),
        };

        foreach (var (path, json, expected) in calls)
        {
            var (status, body, _) = await hub.SendBytesAsync(path, Body(json));

            Assert.True(status == 200, $"{path}: {status} {body.ToJsonString()}");
            Assert.Equal(0, body["accepted"]!.GetValue<int>());
            Assert.Contains(expected, body["rejected"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task HostileEnvelope_Is400_WithLineBytePositionAndPath()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var (utf8Status, utf8Body, _) = await hub.SendBytesAsync("/v1/batch",
            Body($$$"""{"context":{"ip":"10.0.{{{InvalidUtf8Marker}}}"},"batch":[{"type":"track","event":"E","userId":"u"}]}"""));
        var (dupStatus, dupBody, _) = await hub.SendBytesAsync("/v1/batch",
            Body("""{"batch":[{"type":"track","event":"E","userId":"u"}],"batch":[]}"""));

        Assert.Equal(400, utf8Status);
        Assert.Contains("UTF-8", utf8Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("$.context.ip", utf8Body["path"]!.GetValue<string>());
        Assert.Equal(1, utf8Body["line"]!.GetValue<long>());
        Assert.Equal("{\"context\":{\"ip\":\"10.0.".Length, utf8Body["bytePositionInLine"]!.GetValue<long>());
        Assert.Equal(400, dupStatus);
        Assert.Contains("duplicate", dupBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("$.batch", dupBody["path"]!.GetValue<string>());
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    /// <summary>The JSON as UTF-8, with every marker replaced by bytes that are not UTF-8 (0xC3 0x28).</summary>
    internal static byte[] Body(string json)
    {
        var parts = json.Split(InvalidUtf8Marker);
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.AddRange([0xC3, 0x28]);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }

    private static void AssertNames(string reason, string what, string where)
    {
        Assert.Contains(what, reason, StringComparison.Ordinal);
        Assert.Contains(where, reason, StringComparison.Ordinal);
    }
}
