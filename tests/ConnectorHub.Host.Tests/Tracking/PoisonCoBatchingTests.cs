using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Two senders share the group commit: one posts hostile events as fast as it can while the other posts valid
/// batches. The bad sender affects only itself: every valid request of the other source is answered 200 and stored.
/// </summary>
public sealed class PoisonCoBatchingTests
{
    private const int GoodRequests = 150;

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task HostileSender_NeverFailsAnotherSourcesRequests(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        using var bad = await hub.AddSourceAsync("bad-sender");
        using var done = new CancellationTokenSource();
        var badAnswers = new ConcurrentBag<int>();
        var poison = Task.Run(async () =>
        {
            for (var n = 0; !done.IsCancellationRequested; n++)
            {
                var (status, _, _) = await hub.SendBytesAsync("/v1/batch", HostileInputTests.Body(Poison(n)), client: bad);
                badAnswers.Add(status);
            }
        });

        var goodAnswers = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, GoodRequests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, _) =>
        {
            var batch = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "track", ["event"] = "Viewed", ["anonymousId"] = "good-" + (r % 7), ["messageId"] = string.Create(CultureInfo.InvariantCulture, $"good-{r}-{i}"),
            }).ToArray());
            var (status, body, _) = await hub.SendAsync("/v1/batch", new JsonObject { ["batch"] = batch });
            if (status != 200 || body["accepted"]!.GetValue<int>() != 5)
            {
                goodAnswers.Add($"{status}: {body.ToJsonString()}");
            }
        });
        await done.CancelAsync();
        await poison;

        Assert.Empty(goodAnswers);
        Assert.NotEmpty(badAnswers);
        Assert.All(badAnswers, s => Assert.True(s is 200 or 400, $"the bad sender got {s}"));
        Assert.Equal(GoodRequests * 5, await hub.ScalarAsync<long>("SELECT count(*) FROM events WHERE source = 'website'"));
    }

    /// <summary>A batch of one valid event and one hostile event, of a different hostile class each time.</summary>
    private static string Poison(int n)
    {
        string[] hostile =
        [
            $$$"""{"type":"track","event":"E","userId":"p","messageId":"p-nul-{{{n}}}","properties":{"x":"\u0000"}}""",
            $$$"""{"type":"identify","userId":"p\ud800","messageId":"p-sur-{{{n}}}"}""",
            $$$"""{"type":"track","event":"E","userId":"p","messageId":"p-utf-{{{n}}}","properties":{"x":"@@INVALID-UTF8@@"}}""",
            $$$"""{"type":"track","event":"E","userId":"p","messageId":"p-dup-{{{n}}}","properties":{"x":1,"x":2}}""",
            $$$"""{"type":"track","event":"E","userId":"p","messageId":"p-skew-{{{n}}}","timestamp":"0001-01-01T00:00:00Z","sentAt":"9999-01-01T00:00:00Z"}""",
            $$$"""{"type":"track","event":"E","userId":"p","messageId":"p-num-{{{n}}}","properties":{"x":1e200000}}""",
            $$$"""{"type":"identify","userId":"p","messageId":"p-trait-{{{n}}}","traits":{"bio":"{{{Noise(n)}}}"}}""",
            $$$"""{"type":"track","event":"{{{Noise(n)}}}","userId":"p","messageId":"p-name-{{{n}}}"}""",
        ];
        return "{\"batch\":[" + $$$"""{"type":"track","event":"Poison ok","userId":"p","messageId":"p-ok-{{{n}}}"}""" + "," + hostile[n % hostile.Length] + "]}";
    }

    /// <summary>4,000 characters that do not compress (PostgreSQL compresses repetitive index entries under its size limit).</summary>
    private static string Noise(int n) => string.Concat(Enumerable.Range(0, 125).Select(i => Guid.NewGuid().ToString("N"))) + n.ToString(CultureInfo.InvariantCulture);
}
