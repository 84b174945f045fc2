using System.Buffers;
using System.Globalization;
using System.IO.Compression;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>
/// Reads a tracking request body, plain or sent with <c>Content-Encoding: gzip</c>, <c>deflate</c> or <c>br</c> (some
/// Segment-compatible server clients compress by default). The limit counts the bytes after inflating, and reading
/// stops as soon as it is passed: a small body that inflates to gigabytes (a "gzip bomb") costs no more memory than
/// the limit.
/// </summary>
public static class TrackingBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body's bytes; throws <see cref="TrackingRequestException"/> (400) when it is over the limit or unreadable.</summary>
    /// <param name="body">The request body as received.</param>
    /// <param name="contentEncoding">The <c>Content-Encoding</c> header, or null.</param>
    /// <param name="limit">The most bytes the body may have, after inflating.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, string? contentEncoding, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var encodings = Encodings(contentEncoding);
        var stream = body;
        var wrappers = new List<Stream>();
        try
        {
            // Encodings are listed in the order they were applied, so they are undone from the last.
            for (var i = encodings.Count - 1; i >= 0; i--)
            {
                stream = encodings[i] switch
                {
                    "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true),
                    "deflate" => new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true),
                    "br" => new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true),
                    _ => throw new TrackingRequestException(400,
                        $"The body's Content-Encoding '{encodings[i]}' is not supported; send the body plain or with gzip, deflate or br."),
                };
                wrappers.Add(stream);
            }

            return await ReadWithinAsync(stream, limit, encodings.Count == 0 ? null : string.Join(", ", encodings), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is InvalidOperationException && encodings.Count > 0))
        {
            // GZip and deflate report corrupt data as InvalidDataException, Brotli as InvalidOperationException.
            throw new TrackingRequestException(400, $"The body is not valid {string.Join(", ", encodings)} data ({ex.Message}); send it plain or compressed as its Content-Encoding says.");
        }
        finally
        {
            foreach (var wrapper in wrappers)
            {
                await wrapper.DisposeAsync();
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadWithinAsync(Stream stream, int limit, string? encoding, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(ChunkSize)[..ChunkSize], cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit, encoding);
            }
        }
    }

    /// <summary>The refusal of a request over <paramref name="limit"/> bytes: Segment answers it 400.</summary>
    internal static TrackingRequestException TooLarge(int limit, string? encoding, long? size = null) =>
        new(400, string.Create(CultureInfo.InvariantCulture,
            $"The request is {(size is { } s ? $"{s} bytes" : "larger than the limit")}{(encoding is null ? string.Empty : $" after {encoding} decompression")}; the limit is {limit} bytes per request (send smaller batches)."));

    private static List<string> Encodings(string? header) =>
        (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant())
            .Where(e => e != "identity")
            .ToList();
}
