using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Runner;

public sealed class SyncRunnerTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_MovesEveryRecord_AndCommitsTheLastCheckpoint(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 95, ["state_every"] = 7 });

        var run = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(Enumerable.Range(1, 95), FolderTarget.Numbers(target));
        Assert.Equal(new RunStreamView("numbers", 95, 95, 0), Assert.Single(run.Streams));
        var next = await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);
        Assert.Equal(RunStatus.Succeeded, next.Status);
        Assert.Equal(95, FolderTarget.Deliveries(target).Count);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task FullRefresh_ReadsEverythingAgain_AfterASuccessfulRun(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 12, ["state_every"] = 4 });
        await hub.Syncs.UpdateAsync(sync.Id, new Core.Syncs.SyncRequest
        {
            Name = sync.Name,
            SourceConnectionId = sync.SourceConnectionId,
            DestinationConnectionId = sync.DestinationConnectionId,
            Streams = [new Core.Syncs.SyncStream { Name = "numbers", SyncMode = Sdk.Sources.SyncMode.FullRefresh }],
        }, CancellationToken.None);

        await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);
        var second = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));

        Assert.Equal(12, Assert.Single(second.Streams).RecordsRead);
        Assert.Equal(24, FolderTarget.Deliveries(target).Count);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_MapsRecordsWithTheSyncsMapping_AndSetsAsideTheOnesThatFailValidation(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 5 });
        await hub.Syncs.UpdateAsync(sync.Id, new Core.Syncs.SyncRequest
        {
            Name = sync.Name,
            SourceConnectionId = sync.SourceConnectionId,
            DestinationConnectionId = sync.DestinationConnectionId,
            Streams = [new Core.Syncs.SyncStream
            {
                Name = "numbers",
                SyncMode = Sdk.Sources.SyncMode.Incremental,
                Mapping = """
                    entity: account
                    when: { path: n, not_equals: 2 }
                    fields:
                      account_id: id
                      source: { const: echo }
                      observed_at: { const: "2024-03-05T14:00:00Z" }
                      name: "Account {{ n }}"
                      domain: "{{ if n == 4 }}Not A Domain{{ else }}a{{ n }}.example.com{{ end }}"
                    """,
            }],
        }, CancellationToken.None);

        var run = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));
        var reject = Assert.Single(await hub.Runs.RejectsAsync(run.Id, 10, 0, CancellationToken.None));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["Account 1", "Account 3", "Account 5"], FolderTarget.Records(target).Select(r => r["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("a3.example.com", FolderTarget.Records(target).Single(r => r["account_id"]!.GetValue<string>() == "n-3")["domain"]!.GetValue<string>());
        Assert.Equal((RejectionStage.Mapping, "n-4"), (reject.Stage, reject.RecordKey));
        Assert.Contains("domain", reject.Location, StringComparison.Ordinal);
        Assert.Equal(new RunStreamView("numbers", 5, 3, 1), Assert.Single(run.Streams));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_ResumesFromTheLastCommittedCheckpoint_AfterATransientFailure_WithoutLossOrDuplicates(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var marker = Path.Combine(hub.Scratch("markers"), "failed");
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 60, ["state_every"] = 5, ["fail_once_at"] = 33, ["marker_file"] = marker });

        var run = await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(Enumerable.Range(1, 60), FolderTarget.Numbers(target));
        var deliveries = FolderTarget.Deliveries(target);
        Assert.Equal(deliveries.Distinct().Count(), deliveries.Count);
        Assert.Equal(60, Assert.Single(run.Streams).RecordsWritten);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_RetriesATransientlyFailingDestination_AndDeliversEveryRecord(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 25 }, new JsonObject { ["fail_first_writes"] = 2 });

        var run = await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(Enumerable.Range(1, 25), FolderTarget.Numbers(target));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_SetsAsideBadRecordsWithTheirReason_AndWritesTheRest(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(
            new JsonObject { ["count"] = 30, ["reject_at"] = new JsonArray(4), ["missing_key_at"] = new JsonArray(17) },
            new JsonObject { ["reject_keys"] = new JsonArray("n-21") });

        var run = await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);
        var rejects = await hub.Runs.RejectsAsync(run.Id, 100, 0, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(Enumerable.Range(1, 30).Except([4, 17, 21]), FolderTarget.Numbers(target));
        Assert.Equal(new RunStreamView("numbers", 30, 27, 3), Assert.Single(RunView.From(run).Streams));
        Assert.Collection(rejects,
            r => Assert.Equal((RejectionStage.Source, "numbers line 4", "Row 4 has an unreadable value."), (r.Stage, r.Location, r.Reason)),
            r => Assert.Equal((RejectionStage.Mapping, "The record has no value at its primary key 'id'."), (r.Stage, r.Reason)),
            r => Assert.Equal((RejectionStage.Destination, "n-21", "The key 'n-21' is on the reject list."), (r.Stage, r.RecordKey, r.Reason)));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_FailsWithAnActionableConfigurationError_WhenTheSourceRefusesTheCredentials(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, _) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["fail_with_config"] = true });

        var run = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(ErrorCategory.Configuration, run.Error!.Category);
        Assert.Contains("check the token in the connection's settings", run.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Cancel_StopsARunPromptly_AndTheNextRunResumesFromItsCheckpoint(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 400, ["delay_ms"] = 5, ["state_every"] = 3 });
        var runId = await hub.Runner.QueueAsync(sync.Id, RunTrigger.Manual);
        var running = Task.Run(() => hub.Runner.ExecuteAsync(runId));
        await Eventually.HoldsAsync(() => FolderTarget.Numbers(target).Count >= 20, TimeSpan.FromSeconds(30), "some records arrived");

        await hub.Runs.CancelAsync(runId, CancellationToken.None);
        var cancelled = await running.WaitAsync(TimeSpan.FromSeconds(10));
        var resumed = await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual);

        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(Enumerable.Range(1, 400), FolderTarget.Numbers(target));
        var deliveries = FolderTarget.Deliveries(target).Count;
        // A cancel lets a write in flight finish and drops what was read after the last checkpoint: nothing is sent twice.
        Assert.Equal(400, deliveries);
        Assert.Equal(deliveries, cancelled.Streams.Single().RecordsWritten + resumed.Streams.Single().RecordsWritten);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_DoesNotStart_WhileAnotherRunOfTheSameSyncIsRunning(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var (sync, target) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 200, ["delay_ms"] = 5 });
        var first = await hub.Runner.QueueAsync(sync.Id, RunTrigger.Manual);
        var running = Task.Run(() => hub.Runner.ExecuteAsync(first));
        await Eventually.HoldsAsync(() => FolderTarget.Deliveries(target).Count > 0, TimeSpan.FromSeconds(30), "the first run is writing");

        var second = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));
        await hub.Runs.CancelAsync(first, CancellationToken.None);
        await running;

        Assert.Equal(RunStatus.Failed, second.Status);
        Assert.Contains("Another run of this sync is in progress", second.Error!.Message, StringComparison.Ordinal);
    }
}
