using System.Text.Json;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>The segment services over one store, on a fixed clock.</summary>
public sealed class SegmentWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private SegmentWorld(TestStore store, IEnumerable<ISegmentRefreshListener> listeners)
    {
        Store = store;
        Seed = new ProfileSeed(store.Database);
        Segments = new SegmentService(store.Database, Clock, []);
        Queries = new SegmentQueries(store.Database, Clock);
        ComputedTraits = new ComputedTraitService(store.Database, Clock, Options);
        Refresher = new SegmentRefresher(store.Database, Clock, ComputedTraits, listeners, Options, NullLogger<SegmentRefresher>.Instance);
    }

    /// <summary>A stalled refresh is ended after one second here, so tests of it are quick.</summary>
    public static IOptions<SegmentOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new SegmentOptions { StalledRefreshTimeout = TimeSpan.FromSeconds(1) });

    public TestStore Store { get; }

    public HubDatabase Database => Store.Database;

    public FakeTimeProvider Clock { get; } = new(Now);

    public ProfileSeed Seed { get; }

    public SegmentService Segments { get; }

    public SegmentQueries Queries { get; }

    public ComputedTraitService ComputedTraits { get; }

    public SegmentRefresher Refresher { get; }

    public static async Task<SegmentWorld> CreateAsync(StorageProvider provider, params ISegmentRefreshListener[] listeners) =>
        new(await TestStore.CreateAsync(provider), listeners);

    /// <summary>The ids of the surviving profiles the rule matches now (through the count preview).</summary>
    public async Task<long[]> MatchAsync(string rule)
    {
        using var document = JsonDocument.Parse(rule);
        var preview = await Queries.PreviewAsync(document.RootElement, CancellationToken.None);
        Assert.True(preview.Count <= 20, "the sample holds every match only for small worlds");
        Assert.Equal(preview.Count, preview.Sample.Count);
        return [.. preview.Sample];
    }

    public async Task<SegmentView> CreateSegmentAsync(string name, string rule)
    {
        using var document = JsonDocument.Parse(rule);
        return await Segments.CreateAsync(new SegmentRequest { Name = name, Definition = document.RootElement.Clone(), Schedule = null }, CancellationToken.None);
    }

    public async Task<ComputedTraitView> CreateComputedTraitAsync(string name, string definition)
    {
        using var document = JsonDocument.Parse(definition);
        return await ComputedTraits.CreateAsync(new ComputedTraitRequest { Name = name, Definition = document.RootElement.Clone() }, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
