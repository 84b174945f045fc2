namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>
/// Segment's browser library as the hub serves it: the standalone bundle and the chunks it loads on demand, the files
/// of <c>@segment/analytics-next</c> (MIT) committed in <c>Bundle/</c> and embedded in the host (see its README), read
/// once. No page ever loads anything of it from Segment's CDN.
/// </summary>
internal sealed class AnalyticsNextBundle
{
    /// <summary>The package version of the files (checked against <c>build/analytics-next</c> by a test).</summary>
    public const string Version = "1.84.3";

    private const string Prefix = "analytics-next/";
    private readonly Dictionary<string, byte[]> _files;

    public AnalyticsNextBundle()
    {
        var assembly = typeof(AnalyticsNextBundle).Assembly;
        _files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToDictionary(n => n[Prefix.Length..], n =>
        {
            using var stream = assembly.GetManifestResourceStream(n)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    /// <summary>The bundle a page's snippet loads (Segment's CDN serves it as <c>analytics.min.js</c>).</summary>
    public byte[] Standalone => _files["standalone.js"];

    /// <summary>The names of the chunks, such as <c>queryString.bundle.34b193ada8fe288d1bd1.js</c>.</summary>
    public IEnumerable<string> Chunks => _files.Keys.Where(IsChunk);

    /// <summary>A chunk by its file name; its name holds its content hash, so it never changes.</summary>
    public byte[]? Chunk(string name) => IsChunk(name) && _files.TryGetValue(name, out var bytes) ? bytes : null;

    private static bool IsChunk(string name) => name.Contains(".bundle.", StringComparison.Ordinal) && name.EndsWith(".js", StringComparison.Ordinal);
}
