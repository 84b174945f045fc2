using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

/// <summary>One check's dealings with the source: a fresh instant clock and config recorder, discovery, reads.</summary>
internal sealed class SourceSession(SourceAcceptanceFixture fixture, CancellationToken cancellationToken)
{
    private IReadOnlyList<StreamDescriptor>? _streams;

    public SourceAcceptanceFixture Fixture => fixture;

    public InstantTimeProvider Time { get; } = new InstantTimeProvider();

    public RecordingConfigUpdater Updater { get; } = new();

    public CancellationToken CancellationToken => cancellationToken;

    public ConnectorContext Context(JsonObject? config = null) => fixture.CreateContext(config ?? fixture.GoodConfig, Time, Updater);

    public async Task<IReadOnlyList<StreamDescriptor>> StreamsAsync()
    {
        _streams ??= await fixture.Connector.DiscoverAsync(Context(), cancellationToken);
        Assert.True(_streams.Count > 0, "DiscoverAsync returned no streams on the good config.");
        return _streams;
    }

    /// <summary>The stream the resilience checks use: the fixture's choice, else the first discovered.</summary>
    public async Task<StreamDescriptor> ResilienceStreamAsync()
    {
        var streams = await StreamsAsync();
        var name = fixture.ResilienceStream;
        return name is null
            ? streams[0]
            : streams.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"ResilienceStream '{name}' is not among the discovered streams.");
    }

    public Task<SourceReadResult> ReadAsync(StreamDescriptor stream, SyncMode mode, JsonNode? state = null, SourceReadOptions? options = null, ConnectorContext? context = null) =>
        SourceReader.ReadAsync(fixture.Connector, context ?? Context(), SourceReader.Request(mode, stream.Name, state), options, cancellationToken);

    /// <summary>A complete read of one stream, checked to end normally, with no rejections.</summary>
    public async Task<SourceReadResult> ReadAllAsync(StreamDescriptor stream, SyncMode mode, JsonNode? state = null, ConnectorContext? context = null)
    {
        var result = await ReadAsync(stream, mode, state, context: context);
        if (result.Rejections.Count > 0)
        {
            Assert.Fail($"Stream '{stream.Name}' ({mode}) rejected {result.Rejections.Count} record(s) of the fixture's data, first: {result.Rejections[0].Reason}");
        }

        if (result.Records.FirstOrDefault(r => r.Stream != stream.Name) is { } stray)
        {
            Assert.Fail($"Reading only '{stream.Name}' emitted a record of '{stray.Stream}'.");
        }

        return result;
    }

    public static IEnumerable<SyncMode> ModesOf(StreamDescriptor stream) => stream.SupportedSyncModes.Distinct();

    /// <summary>The keys of the records, failing on a record without one.</summary>
    public static IReadOnlyList<string> Keys(StreamDescriptor stream, IEnumerable<RecordMessage> records) =>
        records.Select(r => RecordKey.Require(stream, r)).ToArray();

    public static string Sample(IEnumerable<string> items, int max = 5)
    {
        var list = items.Take(max + 1).ToArray();
        return string.Join(", ", list.Take(max)) + (list.Length > max ? ", …" : string.Empty);
    }
}
