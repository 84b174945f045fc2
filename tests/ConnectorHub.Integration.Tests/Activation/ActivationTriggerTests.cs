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
    public async Task DeliveryLease_LetsOneRunHoldAnActivation_UntilItEndsOrGoesStale(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        var seven = await bed.CreateMetaActivationAsync(segment);
        var eight = await bed.CreateMetaActivationAsync(segment, connectionId: seven.DestinationConnectionId, name: "another");
        var ledger = new DeliveryLedger(bed.Database, new ActivationOptions());
        var now = bed.Clock.GetUtcNow();
        var staleBefore = now - TimeSpan.FromMinutes(1);

        var held = await ledger.StartAsync(seven.Id, ActivationTrigger.Manual, "node-a:1", now, staleBefore, CancellationToken.None);
        var whileHeld = await ledger.StartAsync(seven.Id, ActivationTrigger.Manual, "node-b:2", now, staleBefore, CancellationToken.None);
        var other = await ledger.StartAsync(eight.Id, ActivationTrigger.Manual, "node-b:2", now, staleBefore, CancellationToken.None);
        await ledger.FinishAsync(held!.Value, DeliveryStatus.Succeeded, new DeliveryCounts(), null, now);
        var afterEnd = await ledger.StartAsync(seven.Id, ActivationTrigger.Manual, "node-b:2", now, staleBefore, CancellationToken.None);
        var takeover = await ledger.StartAsync(seven.Id, ActivationTrigger.Manual, "node-c:3", now + TimeSpan.FromMinutes(2), now + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(whileHeld);
        Assert.NotNull(other);
        Assert.NotNull(afterEnd);
        Assert.NotNull(takeover);
        Assert.Equal(DeliveryStatus.Failed, (await bed.Ledger.RunAsync(afterEnd!.Value, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Runner_SkipsARun_WhileAnotherRunOfTheActivationHoldsItsLease()
    {
        await using var bed = await ActivationBed.StartAsync(StorageProvider.Postgres);
        var segment = await bed.CreateSegmentAsync("vip");
        var activation = await bed.CreateMetaActivationAsync(segment);
        var now = bed.Clock.GetUtcNow();
        var otherNode = await new DeliveryLedger(bed.Database, new ActivationOptions()).StartAsync(activation.Id, ActivationTrigger.Schedule, "other-node:1", now, now - TimeSpan.FromMinutes(1), CancellationToken.None);

        var skipped = await bed.Runner.RunAsync(activation.Id, ActivationTrigger.Manual, CancellationToken.None);

        Assert.NotNull(otherNode);
        Assert.Null(skipped);
        Assert.Equal(otherNode, Assert.Single(await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None)).Id);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ARunLeftRunningByADeadNode_IsClosedAsFailed_ByTheNextRunOnceItsHeartbeatIsStale(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.EnterAsync(segment, 1);
        var activation = await bed.CreateMetaActivationAsync(segment);
        var started = bed.Clock.GetUtcNow();
        var orphan = await new DeliveryLedger(bed.Database, new ActivationOptions()).StartAsync(activation.Id, ActivationTrigger.Schedule, "dead-node:1", started, started, CancellationToken.None);

        var whileFresh = await bed.Runner.RunAsync(activation.Id, ActivationTrigger.Manual, CancellationToken.None);
        bed.Clock.Advance(new ActivationOptions().StaleAfter + TimeSpan.FromSeconds(1));
        var next = await bed.RunAsync(activation.Id);
        var closed = await bed.Ledger.RunAsync(orphan!.Value, CancellationToken.None);

        Assert.Null(whileFresh);
        Assert.Equal(DeliveryStatus.Failed, closed!.Status);
        Assert.Contains("stopped or was not heard from before it finished", closed.Error, StringComparison.Ordinal);
        Assert.Equal((DeliveryStatus.Succeeded, 1L), (next.Status, next.Accepted));
    }
}
