using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Access;

/// <summary>
/// One hub for the access tests, with a connection, a sync and a finished run to aim requests at, and a client
/// per role. The tests only read, or check that requests are refused, so they share it.
/// </summary>
public sealed class AccessHub : IAsyncLifetime
{
    private readonly TempDirectory _scratch = new("access");

    public HubFactory Hub { get; } = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Marketing { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public Guid ConnectionId { get; private set; }

    public Guid SyncId { get; private set; }

    public Guid RunId { get; private set; }

    public async Task InitializeAsync()
    {
        Admin = await Hub.CreateClientAsync(HubRole.Admin);
        Marketing = await Hub.CreateClientAsync(HubRole.Marketing);
        Viewer = await Hub.CreateClientAsync(HubRole.Viewer);
        var source = await PostAsync("/api/connections", new { name = "source", pluginId = "echo", config = new { count = 3 } });
        var target = await PostAsync("/api/connections", new { name = "target", pluginId = "folder", config = new { path = _scratch.Combine("out") } });
        ConnectionId = source["id"]!.GetValue<Guid>();
        var sync = await PostAsync("/api/syncs", new
        {
            name = "sync",
            sourceConnectionId = ConnectionId,
            destinationConnectionId = target["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers" } },
        });
        SyncId = sync["id"]!.GetValue<Guid>();
        RunId = (await PostAsync($"/api/syncs/{SyncId}/runs", new { }))["id"]!.GetValue<Guid>();
        await Eventually.HoldsAsync(async () => (await Admin.GetFromJsonAsync<JsonObject>($"/api/runs/{RunId}"))!["status"]!.GetValue<string>() is "Succeeded" or "Failed",
            TimeSpan.FromSeconds(30), "the run ends");
    }

    public async Task<JsonNode> PostAsync(string path, object body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Marketing.Dispose();
        Viewer.Dispose();
        Hub.Dispose();
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}
