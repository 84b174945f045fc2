using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Scheduling;

/// <summary>A hub process killed with SIGKILL in the middle of a sync: the restarted hub resumes the run from its checkpoint.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledHub_ResumesTheRunFromItsCheckpoint_AfterRestart_AndTheTargetHoldsEveryRecordOnce()
    {
        await using var client = await TestHub.StartAsync(StorageProvider.Sqlite);
        var (sync, target) = await client.CreateEchoToFolderSyncAsync(
            new JsonObject { ["count"] = 300, ["delay_ms"] = 15, ["state_every"] = 5 }, scheduleCron: "0/3 * * * * ?");
        using var work = new TempDirectory("crash");

        await using (var first = await HubNodes.StartAsync(StorageProvider.Sqlite, client.ConnectionString, work.Path))
        {
            await Eventually.HoldsAsync(() => FolderTarget.Deliveries(target).Count >= 60, TimeSpan.FromSeconds(60), "the scheduled run has written 60 records");
            first.Kill();
        }

        var killed = Assert.Single(await Runs(client, sync.Id), r => r.Status == RunStatus.Running);
        Assert.InRange(FolderTarget.Deliveries(target).Count, 60, 299);

        // With the schedule off, only recovery can take the run over: a scheduled fire racing it would resume
        // from the same checkpoint, which is right, but is not what this test proves.
        await client.Syncs.SetEnabledAsync(sync.Id, enabled: false, CancellationToken.None);

        await using var restarted = await HubNodes.StartAsync(StorageProvider.Sqlite, client.ConnectionString, work.Path);
        RunView? recovery = null;
        await Eventually.HoldsAsync(async () => (recovery = (await Runs(client, sync.Id)).FirstOrDefault(r => r.Trigger == RunTrigger.Recovery && r.Status == RunStatus.Succeeded)) is not null,
            TimeSpan.FromSeconds(90), "a recovery run succeeds");

        Assert.Equal(killed.Id, recovery!.ResumedRunId);
        Assert.Equal(RunStatus.Interrupted, (await client.Runs.GetAsync(killed.Id, CancellationToken.None)).Status);
        Assert.Equal(Enumerable.Range(1, 300), FolderTarget.Numbers(target));
        // At-least-once: only records written after the last committed checkpoint may be sent again.
        Assert.InRange(FolderTarget.Deliveries(target).Count, 300, 320);
    }

    private static Task<IReadOnlyList<RunView>> Runs(TestHub client, Guid syncId) =>
        client.Runs.ListAsync(new RunQuery { SyncId = syncId }, CancellationToken.None);
}
