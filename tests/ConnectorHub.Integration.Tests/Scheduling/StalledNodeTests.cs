using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Integration.Tests.Scheduling;

/// <summary>
/// A node frozen (SIGSTOP) past the stale timeout in the middle of a run, whose run another node takes over and
/// completes, then woken (SIGCONT): the stale run must write nothing more, and the next full refresh reads everything.
/// </summary>
public sealed class StalledNodeTests
{
    private const int Count = 400;
    private const int BatchSize = 10; // HubNodes' runner batch

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task StalledNode_WokenAfterItsRunWasTakenOver_WritesNothingMore_AndTheNextFullRefreshReadsEverything(StorageProvider provider)
    {
        await using var client = await TestHub.StartAsync(provider);
        var (sync, target) = await client.CreateEchoToFolderSyncAsync(
            new JsonObject { ["count"] = Count, ["delay_ms"] = 15, ["state_every"] = 5 }, scheduleCron: "0/2 * * * * ?", syncMode: SyncMode.FullRefresh);
        using var work = new TempDirectory("stall");

        await using var stalled = await HubNodes.StartAsync(provider, client.ConnectionString, work.Path);
        await Eventually.HoldsAsync(() => FolderTarget.Deliveries(target).Count >= 60, TimeSpan.FromSeconds(60), "the scheduled run has written 60 records");
        await client.Syncs.SetEnabledAsync(sync.Id, enabled: false, CancellationToken.None); // from now on only recovery runs it
        await stalled.FreezeOutsideWritesAsync();
        var frozenRun = Assert.Single(await Runs(client, sync.Id), r => r.Status == RunStatus.Running);

        await using var survivor = await HubNodes.StartAsync(provider, client.ConnectionString, work.Path);
        RunView? recovery = null;
        await Eventually.HoldsAsync(async () => (recovery = (await Runs(client, sync.Id)).FirstOrDefault(r => r.ResumedRunId == frozenRun.Id && r.Status == RunStatus.Succeeded)) is not null,
            TimeSpan.FromSeconds(90), "the other node completes the frozen node's run");
        Assert.True(recovery!.RunsOn(survivor), $"the recovery ran on {recovery!.Node}");
        var deliveredBeforeWaking = FolderTarget.Deliveries(target).Count;
        Assert.Empty(await CheckpointsAsync(client, sync.Id)); // the finished full refresh starts over next time

        await stalled.ThawAsync();
        await Eventually.HoldsAsync(() => stalled.Output.Contains($"Run {frozenRun.Id} lost its lease", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the woken node notices it lost its run");

        // Nothing is sent after the takeover but, at most, the one batch that was already on its way when the node froze
        // (a write cannot be called back): no checkpoint, no further batch.
        Assert.InRange(FolderTarget.Deliveries(target).Count - deliveredBeforeWaking, 0, BatchSize);
        Assert.Empty(await CheckpointsAsync(client, sync.Id));
        Assert.Equal(RunStatus.Interrupted, (await client.Runs.GetAsync(frozenRun.Id, CancellationToken.None)).Status);
        Assert.Equal(RunStatus.Succeeded, (await client.Runs.GetAsync(recovery!.Id, CancellationToken.None)).Status);
        Assert.Equal(Enumerable.Range(1, Count), FolderTarget.Numbers(target));

        var next = RunView.From(await client.Runner.RunAsync(sync.Id, RunTrigger.Manual));
        Assert.Equal(RunStatus.Succeeded, next.Status);
        Assert.Equal(Count, next.Streams.Single().RecordsRead);
    }

    private static Task<IReadOnlyList<RunView>> Runs(TestHub client, Guid syncId) =>
        client.Runs.ListAsync(new RunQuery { SyncId = syncId, Limit = 200 }, CancellationToken.None);

    private static async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(TestHub client, Guid syncId)
    {
        await using var db = await client.Services.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContextAsync();
        return await db.Set<Checkpoint>().AsNoTracking().Where(c => c.SyncId == syncId).ToListAsync();
    }
}
