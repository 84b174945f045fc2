using System.IO.Compression;
using System.Text;
using ConnectorHub.Core.Tracking.Requests;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class TrackingBodyReaderTests
{
    [Fact]
    public async Task GzipBomb_StopsReadingAtTheLimit_WithoutInflatingTheRest()
    {
        // 256 MB of zeros inflate from about 250 KB of gzip.
        var bomb = Gzip(new ZeroStream(256L * 1024 * 1024));
        var wire = new CountingStream(new MemoryStream(bomb));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var refused = await Assert.ThrowsAsync<TrackingRequestException>(() => TrackingBodyReader.ReadAsync(wire, "gzip", 512_000, CancellationToken.None));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("after gzip decompression; the limit is 512000 bytes", refused.Message, StringComparison.Ordinal);
        Assert.True(wire.BytesRead < bomb.Length / 10, $"read {wire.BytesRead} of {bomb.Length} compressed bytes");
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task EncodingsAppliedInOrder_AreUndoneFromTheLast()
    {
        var json = Encoding.UTF8.GetBytes("""{"userId":"u","event":"E"}""");
        using var inner = new MemoryStream();
        await using (var brotli = new BrotliStream(inner, CompressionLevel.Fastest, leaveOpen: true))
        {
            await brotli.WriteAsync(Gzip(new MemoryStream(json)));
        }

        var body = await TrackingBodyReader.ReadAsync(new MemoryStream(inner.ToArray()), "gzip, br", 1024, CancellationToken.None);

        Assert.Equal(json, body.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public async Task PlainBody_IsReadAsIs_AndRefusedOverTheLimit(string? encoding)
    {
        var body = await TrackingBodyReader.ReadAsync(new MemoryStream(new byte[100]), encoding, 100, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<TrackingRequestException>(() => TrackingBodyReader.ReadAsync(new MemoryStream(new byte[101]), encoding, 100, CancellationToken.None));

        Assert.Equal(100, body.Length);
        Assert.Contains("the limit is 100 bytes per request", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(Stream source)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            source.CopyTo(gzip);
        }

        return output.ToArray();
    }

    /// <summary><paramref name="length"/> zero bytes, never held in memory at once.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
