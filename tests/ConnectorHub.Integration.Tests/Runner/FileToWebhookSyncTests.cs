using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Runner;

/// <summary>The real File and Webhook plugins in a sync, against a receiver that throttles, fails and refuses.</summary>
public sealed class FileToWebhookSyncTests : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();
    private EmulatorHost _host = null!;
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(_receiver);
        _hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.Plugins });
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Sync_WaitsOutThrottling_RetriesAFailure_AndSetsAsideTheMalformedRow()
    {
        var sync = await CreateSyncAsync();
        _host.Faults
            .Add(new Fault { StatusCode = 429, PathPrefix = "/hook", Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }, times: 2)
            .Add(new Fault { StatusCode = 503, PathPrefix = "/hook", Body = "{\"error\":\"busy\"}" });

        var run = RunView.From(await _hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));
        var reject = Assert.Single(await _hub.Runs.RejectsAsync(run.Id, 10, 0, CancellationToken.None));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(3, _host.Faults.Served);
        Assert.Equal(40, _receiver.Records.Count);
        Assert.Equal("ann.lee.17@example.com", _receiver.Records["17"]["email"]!.GetValue<string>());
        Assert.Equal(new RunStreamView("customers", 41, 40, 1), Assert.Single(run.Streams));
        Assert.Equal((RejectionStage.Source, "customers.csv line 22"), (reject.Stage, reject.Location));
    }

    [Fact]
    public async Task Sync_FailsWithAConfigurationErrorAndTheFailedRequest_WhenTheReceiverRefusesTheCredentials()
    {
        var sync = await CreateSyncAsync();
        _host.Faults.Add(new Fault { StatusCode = 401, PathPrefix = "/hook", Body = "{\"error\":\"bad signature\"}" }, times: 5);

        var run = RunView.From(await _hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(ErrorCategory.Configuration, run.Error!.Category);
        Assert.Equal(401, run.Error.FailedRequest!["statusCode"]!.GetValue<int>());
        Assert.DoesNotContain("whsec-test-secret", run.Error.FailedRequest.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_receiver.Records);
    }

    private async Task<SyncView> CreateSyncAsync()
    {
        var csv = Path.Combine(_hub.Scratch("exports"), "customers.csv");
        var rows = new StringBuilder("\uFEFFcustomer_id,email,name\r\n");
        for (var i = 1; i <= 41; i++)
        {
            rows.Append(i == 21 ? "21,\"broken@example.com,\"Unclosed\r\n" : $"{i},ann.lee.{i}@example.com,\"Lee, Ann {i}\"\r\n");
        }

        await File.WriteAllTextAsync(csv, rows.ToString());
        var source = await _hub.Connections.CreateAsync(new ConnectionRequest("exports", "file", new JsonObject
        {
            ["streams"] = new JsonArray(new JsonObject { ["name"] = "customers", ["path"] = csv, ["primary_key"] = new JsonArray("customer_id") }),
        }), CancellationToken.None);
        var target = await _hub.Connections.CreateAsync(new ConnectionRequest("receiver", "webhook", new JsonObject
        {
            ["url"] = new Uri(_host.BaseAddress, "hook").ToString(),
            ["signing_secret"] = "whsec-test-secret",
        }), CancellationToken.None);
        return await _hub.Syncs.CreateAsync(new SyncRequest
        {
            Name = "customers to webhook",
            SourceConnectionId = source.Id,
            DestinationConnectionId = target.Id,
            Streams = [new SyncStream { Name = "customers" }],
        }, CancellationToken.None);
    }
}
