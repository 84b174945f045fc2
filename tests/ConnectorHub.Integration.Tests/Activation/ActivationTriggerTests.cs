using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Integration.Tests.Activation;

public sealed class ActivationTriggerTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task SegmentRefresh_RunsTheSegmentsActivations_WithoutWaitingForThem(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.AddProfileAsync(2, ActivationBed.Email(2));
        var activation = await bed.CreateMetaActivationAsync(segment);
        await bed.EnterAsync(segment, 1, 2);

        foreach (var listener in bed.Services.GetServices<ISegmentRefreshListener>())
        {
            await listener.OnRefreshedAsync(new SegmentRefreshed(segment, 2, 0, 2, bed.Clock.GetUtcNow()), CancellationToken.None);
        }

        await Eventually.HoldsAsync(async () => (await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None)) is [{ Status: DeliveryStatus.Succeeded }],
            TimeSpan.FromSeconds(20), "the refresh's activation run succeeded");
        var run = Assert.Single(await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None));
        Assert.Equal((ActivationTrigger.SegmentRefresh, 2L, 2L), (run.Trigger, run.Adds, run.Accepted));
        Assert.Equal(2, bed.Audience.Count);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ActivationLock_LetsOneRunHoldIt_AcrossNodes(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        // Two lock owners on one database: two nodes on PostgreSQL; on SQLite (single node) the same node.
        var nodeA = new ActivationLocks(bed.Database);
        var nodeB = provider == StorageProvider.Postgres ? new ActivationLocks(bed.Database) : nodeA;

        var held = await nodeA.TryAcquireAsync(7, CancellationToken.None);
        var whileHeld = await nodeB.TryAcquireAsync(7, CancellationToken.None);
        var other = await nodeB.TryAcquireAsync(8, CancellationToken.None);
        await held!.DisposeAsync();
        var afterRelease = await nodeB.TryAcquireAsync(7, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(whileHeld);
        Assert.NotNull(other);
        Assert.NotNull(afterRelease);
        await other!.DisposeAsync();
        await afterRelease!.DisposeAsync();
    }

    [Fact]
    public async Task Runner_SkipsARun_WhileAnotherRunOfTheActivationHoldsItsLock()
    {
        await using var bed = await ActivationBed.StartAsync(StorageProvider.Postgres);
        var segment = await bed.CreateSegmentAsync("vip");
        var activation = await bed.CreateMetaActivationAsync(segment);
        await using var otherNode = await new ActivationLocks(bed.Database).TryAcquireAsync(activation.Id, CancellationToken.None);

        var skipped = await bed.Runner.RunAsync(activation.Id, ActivationTrigger.Manual, CancellationToken.None);

        Assert.NotNull(otherNode);
        Assert.Null(skipped);
        Assert.Empty(await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None));
    }
}
