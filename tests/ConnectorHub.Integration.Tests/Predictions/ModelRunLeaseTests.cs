using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.Extensions.Time.Testing;

using ConnectorHub.Tests.Predictions;

namespace ConnectorHub.Integration.Tests.Predictions;

/// <summary>
/// One run of a model at a time across nodes, by the lease its Running row is: a second run is skipped while the
/// first holds it; a run whose node stalls past the timeout is taken over, and when it wakes it writes nothing more,
/// so it cannot publish over the newer run.
/// </summary>
public sealed class ModelRunLeaseTests
{
    private static readonly PredictionOptions SmallBatches = new() { ScoreBatchSize = 100 };

    [Theory, ClassData(typeof(Stores))]
    public async Task ASecondRun_WhileAnotherHoldsTheModel_IsSkipped(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(1000), SmallBatches);
        var model = await world.CreateModelAsync("churn_risk_30d", PredictionKind.Churn);
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = world.NewRunner();
        first.BatchWritten = async _ =>
        {
            held.TrySetResult();
            await release.Task;
        };

        var running = first.RunAsync(model.Id, ModelRunTrigger.Schedule, CancellationToken.None);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var second = await world.NewRunner().RunAsync(model.Id, ModelRunTrigger.Manual, CancellationToken.None);
        release.SetResult();
        var done = await running;

        Assert.Null(second);
        Assert.Equal(ModelRunStatus.Published, done!.Status);
        Assert.Single(await world.Models.RunsAsync(model.Id, 10, 0, CancellationToken.None));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task AStalledRun_IsTakenOver_AndWhenItWakes_WritesNothingOverTheNewerVersion(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(1000), SmallBatches);
        var model = await world.CreateModelAsync("churn_risk_30d", PredictionKind.Churn);

        // Node A scores its first batch, then freezes: its clock stands still, so its heartbeat stops too.
        var frozen = new TaskCompletionSource();
        var wake = new TaskCompletionSource();
        var stalled = world.NewRunner(new FakeTimeProvider(ShopHistory.Now));
        stalled.BatchWritten = async _ =>
        {
            if (frozen.TrySetResult())
            {
                await wake.Task;
            }
        };
        var a = stalled.RunAsync(model.Id, ModelRunTrigger.Schedule, CancellationToken.None);
        await frozen.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Node B comes after the lease went stale, takes the model over and publishes.
        world.Clock.Advance(world.Options.StaleAfter + TimeSpan.FromSeconds(1));
        var b = await world.NewRunner().RunAsync(model.Id, ModelRunTrigger.Schedule, CancellationToken.None);
        Assert.Equal((ModelRunStatus.Published, 2), (b!.Status, b.Version));

        wake.SetResult();
        var woken = await a;

        Assert.Equal((ModelRunStatus.Failed, 1), (woken!.Status, woken.Version));
        Assert.Contains("not heard from", woken.Reason, StringComparison.Ordinal);
        Assert.Equal(100, woken.Scored);
        Assert.Equal(b.Id, (await world.Models.GetAsync(model.Id, CancellationToken.None)).PublishedRunId);
        var traits = await ModelTrainingTests.TraitsAsync(world.Database, "churn_risk_30d");
        Assert.Equal(1000, traits.Count);
        Assert.All(traits, t => Assert.Equal("model:churn_risk_30d:v2", t.Source));
        Assert.All(await world.Models.ScoresAsync(model.Id, 500, 0, CancellationToken.None), s => Assert.Equal(b.Id, s.RunId));
    }
}
