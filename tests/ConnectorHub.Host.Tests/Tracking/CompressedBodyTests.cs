using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Bodies sent with <c>Content-Encoding: gzip</c> or <c>deflate</c> (some Segment-compatible server clients compress by
/// default and never retry a 400) are read like plain ones, within the request limit counted after inflating.
/// </summary>
public sealed class CompressedBodyTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task CompressedBatch_IsReadAndStored(string encoding)
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var batch = new JsonObject
        {
            ["batch"] = new JsonArray(Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "track", ["event"] = "Zipped", ["anonymousId"] = "z-1", ["messageId"] = $"{encoding}-{i}",
            }).ToArray()),
        };

        var (status, body, _) = await hub.SendBytesAsync("/v1/batch", Compress(Encoding.UTF8.GetBytes(batch.ToJsonString()), encoding), encoding);
        var (singleStatus, _, _) = await hub.SendBytesAsync("/v1/identify",
            Compress(Encoding.UTF8.GetBytes("""{"userId":"z-user","anonymousId":"z-1","traits":{"email":"zip@example.com"}}"""), encoding), encoding);

        Assert.True(status == 200, body.ToJsonString());
        Assert.Equal(20, body["accepted"]!.GetValue<int>());
        Assert.Equal(200, singleStatus);
        Assert.Equal(21, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task GzipBomb_IsRefusedAsOverSize_WithTheLimitCountedAfterInflating()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);

        // 64 MB of one JSON string inflate from about 64 KB: far over the 500 KB limit, well under it on the wire.
        var bomb = Compress(Bomb(64 * 1024 * 1024), "gzip");
        var (status, body, _) = await hub.SendBytesAsync("/v1/batch", bomb, "gzip");

        Assert.True(bomb.Length < 512_000, $"the bomb is {bomb.Length} bytes on the wire");
        Assert.Equal(400, status);
        Assert.Contains("512000 bytes", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("after gzip", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptOrUnknownEncoding_Is400_SayingSo()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var plain = Encoding.UTF8.GetBytes("""{"userId":"u","event":"E"}""");

        var (corruptStatus, corruptBody, _) = await hub.SendBytesAsync("/v1/track", plain, "gzip");
        var (corruptBrotliStatus, corruptBrotliBody, _) = await hub.SendBytesAsync("/v1/track", plain, "br");
        var (unknownStatus, unknownBody, _) = await hub.SendBytesAsync("/v1/track", plain, "compress");

        Assert.Equal(400, corruptStatus);
        Assert.Contains("gzip", corruptBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, corruptBrotliStatus);
        Assert.Contains("not valid br data", corruptBrotliBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, unknownStatus);
        Assert.Contains("'compress'", unknownBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    internal static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A valid JSON batch whose one property is <paramref name="size"/> bytes of spaces.</summary>
    internal static byte[] Bomb(int size)
    {
        var head = Encoding.UTF8.GetBytes("""{"batch":[{"type":"track","event":"E","userId":"u","properties":{"p":" """);
        var tail = Encoding.UTF8.GetBytes("\"}}]}");
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }
}
