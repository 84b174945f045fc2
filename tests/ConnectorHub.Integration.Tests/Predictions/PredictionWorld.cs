using System.Text.Json;
using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using ConnectorHub.Tests.Predictions;

namespace ConnectorHub.Integration.Tests.Predictions;

/// <summary>The predictive-trait services over one store, on a clock fixed at <see cref="ShopHistory.Now"/>.</summary>
public sealed class PredictionWorld : IAsyncDisposable
{
    private PredictionWorld(TestStore store, PredictionOptions options)
    {
        Store = store;
        Options = options;
        Models = new PredictiveModelService(store.Database, Clock, []);
        Runner = NewRunner();
        Segments = new SegmentQueries(store.Database, Clock);
    }

    public TestStore Store { get; }

    public HubDatabase Database => Store.Database;

    public FakeTimeProvider Clock { get; } = new(ShopHistory.Now);

    public PredictionOptions Options { get; }

    public PredictiveModelService Models { get; }

    public ModelRunner Runner { get; }

    public SegmentQueries Segments { get; }

    /// <summary>A fresh empty store with the shop's history written into it.</summary>
    public static async Task<PredictionWorld> CreateAsync(StorageProvider provider, ShopHistory? history = null, PredictionOptions? options = null)
    {
        var world = new PredictionWorld(await TestStore.CreateAsync(provider), options ?? new PredictionOptions());
        if (history is not null)
        {
            await ShopSeed.WriteAsync(world.Database, history);
        }

        return world;
    }

    /// <summary>Another node's runner on the same store (its own clock).</summary>
    public ModelRunner NewRunner(TimeProvider? clock = null) =>
        new(Database, Models, Microsoft.Extensions.Options.Options.Create(Options), clock ?? Clock, NullLogger<ModelRunner>.Instance);

    /// <summary>Creates a model with a 30-day horizon, events counted in the last 7 and 30 days.</summary>
    public Task<ModelView> CreateModelAsync(string trait, PredictionKind kind, ModelSettings? settings = null) =>
        Models.CreateAsync(new ModelRequest
        {
            Trait = trait,
            Kind = kind,
            Settings = settings ?? new ModelSettings { HorizonDays = 30, EventWindows = [7, 30] },
        }, CancellationToken.None);

    /// <summary>Trains the model now and returns its run.</summary>
    public async Task<ModelRunView> TrainAsync(ModelView model) =>
        await Runner.RunAsync(model.Id, ModelRunTrigger.Manual, CancellationToken.None) ?? throw new InvalidOperationException("The run was skipped.");

    /// <summary>The surviving profiles a segment rule matches now.</summary>
    public async Task<long> CountAsync(string rule)
    {
        using var document = JsonDocument.Parse(rule);
        return (await Segments.PreviewAsync(document.RootElement, CancellationToken.None)).Count;
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
