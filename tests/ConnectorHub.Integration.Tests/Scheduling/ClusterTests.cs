using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.TestSupport;
using Xunit.Abstractions;

namespace ConnectorHub.Integration.Tests.Scheduling;

/// <summary>Two hub processes on one PostgreSQL: they share the schedule, and one takes over the other's run when it dies.</summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoNodes_ShareTheSchedule_RunEachFireOnce_AndTheSurvivorCompletesTheDeadNodesRun()
    {
        await using var client = await TestHub.StartAsync(StorageProvider.Postgres);
        var (ticker, _) = await client.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 5 }, name: "ticker", scheduleCron: "0/2 * * * * ?");
        var (longSync, target) = await client.CreateEchoToFolderSyncAsync(
            new JsonObject { ["count"] = 300, ["delay_ms"] = 15, ["state_every"] = 5 }, name: "long", scheduleCron: "0/3 * * * * ?");
        using var work = new TempDirectory("cluster");
        var nodes = await Task.WhenAll(
            HubNodes.StartAsync(StorageProvider.Postgres, client.ConnectionString, work.Path),
            HubNodes.StartAsync(StorageProvider.Postgres, client.ConnectionString, work.Path));
        try
        {
            await Eventually.HoldsAsync(() => FolderTarget.Deliveries(target).Count >= 60, TimeSpan.FromSeconds(60), "the long run has written 60 records");
            var running = Assert.Single(await Runs(client, longSync.Id), r => r.Status == RunStatus.Running);
            var victim = nodes.Single(n => running.RunsOn(n));
            var survivor = nodes.Single(n => n != victim);
            var beforeKill = nodes.Select(n => n.Output).ToArray();
            victim.Kill();
            var killedAt = System.Diagnostics.Stopwatch.StartNew();

            RunView? recovery = null;
            await Eventually.HoldsAsync(async () => (await Runs(client, longSync.Id)).Any(r => r.Trigger == RunTrigger.Recovery && r.Status != RunStatus.Queued),
                TimeSpan.FromSeconds(90), "the surviving node starts the recovery run");
            output.WriteLine($"Recovery run started {killedAt.Elapsed.TotalSeconds:0.0} s after the kill (StaleAfter 6 s, RecoveryInterval 1 s).");
            try
            {
                await Eventually.HoldsAsync(async () => (recovery = (await Runs(client, longSync.Id)).FirstOrDefault(r => r.Trigger == RunTrigger.Recovery && r.Status == RunStatus.Succeeded)) is not null,
                    TimeSpan.FromSeconds(90), "the surviving node completes the long run");
            }
            catch (TimeoutException)
            {
                var runs = string.Join("\n", (await Runs(client, longSync.Id)).Select(r => $"{r.Id} {r.Trigger} {r.Status} {r.Node} {r.Error?.Message}"));
                output.WriteLine($"Runs of the long sync:\n{runs}\nSurvivor's log:\n{survivor.Output[Math.Max(0, survivor.Output.Length - 6000)..]}");
                throw;
            }
            await Eventually.HoldsAsync(async () => (await Runs(client, ticker.Id)).Count(r => r.Status == RunStatus.Succeeded) >= 6, TimeSpan.FromSeconds(60), "the ticker ran six times");

            Assert.True(recovery!.RunsOn(survivor), $"the recovery ran on {recovery!.Node}");
            Assert.Equal(running.Id, recovery!.ResumedRunId);
            Assert.Equal(Enumerable.Range(1, 300), FolderTarget.Numbers(target));
            var tickerRuns = await Runs(client, ticker.Id);
            Assert.DoesNotContain(tickerRuns, r => r.Status == RunStatus.Failed);
            var fires = tickerRuns.Where(r => r.Trigger == RunTrigger.Schedule).Select(r => r.ScheduledFor).ToArray();
            Assert.Equal(fires.Length, fires.Distinct().Count());

            // While both nodes lived, no fire reached two of them. (After the kill the survivor may be offered a fire the
            // victim had taken; the one-run-per-fire index keeps it to one run, which the distinct fire times prove.)
            Assert.All(beforeKill, output => Assert.DoesNotContain("already has its run", output, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static Task<IReadOnlyList<RunView>> Runs(TestHub client, Guid syncId) =>
        client.Runs.ListAsync(new RunQuery { SyncId = syncId, Limit = 200 }, CancellationToken.None);
}
