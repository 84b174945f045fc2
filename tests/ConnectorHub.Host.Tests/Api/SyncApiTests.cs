using System.Net;
using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Api;

public sealed class SyncApiTests : IAsyncLifetime
{
    private readonly TempDirectory _scratch = new("api");
    private readonly HubFactory _hub = new(new Dictionary<string, string?>
    {
        ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins,
        ["ConnectorHub:Runner:BatchSize"] = "10",
    });

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _hub.CreateClientAsync(Core.Access.HubRole.Admin);

    public Task DisposeAsync()
    {
        _client.Dispose();
        _hub.Dispose();
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateConnection_AnswersAProblemNamingTheField_WhenASettingHasTheWrongType()
    {
        var (response, problem) = await _client.SendAsync(HttpMethod.Post, "/api/connections", new { name = "e", pluginId = "echo", config = new { count = "many" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("must be an integer", problem!["errors"]!["config.count"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateConnection_IsRefused_WhenTheConnectorCheckFails()
    {
        var (response, problem) = await _client.SendAsync(HttpMethod.Post, "/api/connections", new { name = "e", pluginId = "echo", config = new { token = "wrong" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The connection check failed: The token was refused (401)", problem!["errors"]!["config"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _client.GetJsonAsync("/api/connections")).AsArray());
    }

    [Fact]
    public async Task Connections_NeverReturnSecrets_AndAMaskedUpdateKeepsTheStoredSecret()
    {
        var created = await _client.PostOkAsync("/api/connections", new { name = "e", pluginId = "echo", config = new { count = 2, token = "s3cret-token" } });
        var id = created["id"]!.GetValue<Guid>();

        var listed = await _client.GetJsonAsync("/api/connections");
        var (updated, body) = await _client.SendAsync(HttpMethod.Put, $"/api/connections/{id}", new { name = "e2", pluginId = "echo", config = new { count = 3, token = "********" } });
        var check = await _client.PostOkAsync($"/api/connections/{id}/check", new { });

        Assert.Equal("********", created["config"]!["token"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret-token", listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(3, body!["config"]!["count"]!.GetValue<int>());
        Assert.True(check["succeeded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateSync_NamesTheUnknownStreamAndTheBadCron()
    {
        var source = await _client.PostOkAsync("/api/connections", new { name = "e", pluginId = "echo", config = new { count = 2 } });

        var (response, problem) = await _client.SendAsync(HttpMethod.Post, "/api/syncs", new
        {
            name = "s",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "letters" } },
            scheduleCron = "every day",
            scheduleTimeZone = "Mars/Olympus",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has no stream 'letters'. It has: numbers", problem!["errors"]!["streams[0].name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("is not a cron expression", problem["errors"]!["scheduleCron"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not a known time zone", problem["errors"]!["scheduleTimeZone"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_ExecutesInTheBackground_AndTheRunDetailShowsCountsAndRejects()
    {
        var source = await _client.PostOkAsync("/api/connections", new { name = "e", pluginId = "echo", config = new { count = 30, reject_at = new[] { 5 } } });
        var target = await _client.PostOkAsync("/api/connections", new { name = "f", pluginId = "folder", config = new { path = _scratch.Combine("target") } });
        var sync = await _client.PostOkAsync("/api/syncs", new
        {
            name = "numbers",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = target["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers", syncMode = "Incremental" } },
        });
        var syncId = sync["id"]!.GetValue<Guid>();

        var (accepted, queued) = await _client.SendAsync(HttpMethod.Post, $"/api/syncs/{syncId}/runs");
        var runId = queued!["id"]!.GetValue<Guid>();
        JsonNode run = queued;
        await Eventually.HoldsAsync(async () => (run = await _client.GetJsonAsync($"/api/runs/{runId}"))["status"]!.GetValue<string>() is "Succeeded" or "Failed", TimeSpan.FromSeconds(30), "the run ends");
        var history = await _client.GetJsonAsync($"/api/runs?syncId={syncId}&status=Succeeded");
        var rejects = await _client.GetJsonAsync($"/api/runs/{runId}/rejects");
        var (cancel, cancelProblem) = await _client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/runs/{runId}", accepted.Headers.Location?.ToString());
        Assert.Equal("Succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(30, run["streams"]![0]!["recordsRead"]!.GetValue<long>());
        Assert.Equal(29, run["streams"]![0]!["recordsWritten"]!.GetValue<long>());
        Assert.Equal(runId, Assert.Single(history.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal("Row 5 has an unreadable value.", Assert.Single(rejects.AsArray())!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Contains("already ended", cancelProblem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRun_AnswersNotFoundAsProblemDetails()
    {
        var (response, problem) = await _client.SendAsync(HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("No run with id", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
