using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.EndToEnd.Tests.Support;

/// <summary>
/// The hub as a real process on a free loopback port, with the test plugins (echo source, folder destination),
/// and an API client for preparing data. <see cref="SetUpAsync"/> creates the admin (and an admin API token) the
/// way a script would, for tests that do not exercise first-run setup themselves.
/// </summary>
public sealed class DashboardHub : IAsyncDisposable
{
    public const string AdminName = "admin";
    public const string AdminPassword = "correct horse battery";

    private readonly TempDirectory _folder;
    private readonly HubProcess _process;
    private readonly string _logName;

    private DashboardHub(TempDirectory folder, HubProcess process, string logName)
    {
        _folder = folder;
        _process = process;
        _logName = logName;
    }

    public Uri Address => _process.BaseAddress;

    /// <summary>A client carrying the admin API token (after <see cref="SetUpAsync"/>).</summary>
    public HttpClient Api => _process.Client;

    /// <summary>The hub's SQLite database file (its default place under the content root).</summary>
    public string DataFile => _folder.Combine("data", "connectorhub.db");

    /// <summary>A scratch folder for the folder destination to write into.</summary>
    public string Scratch(string name) => _folder.Combine("scratch", name);

    /// <summary>Starts a hub; its log is kept beside the screenshots as <c>{logName}.log</c>.</summary>
    public static Task<DashboardHub> StartAsync([System.Runtime.CompilerServices.CallerMemberName] string logName = "hub") =>
        StartAsync(new Dictionary<string, string>(), logName);

    /// <summary>Starts a hub with <paramref name="environment"/> on top of the test defaults (test plugins, batches of 10).</summary>
    public static async Task<DashboardHub> StartAsync(IReadOnlyDictionary<string, string> environment, [System.Runtime.CompilerServices.CallerMemberName] string logName = "hub")
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = new TempDirectory("hub-e2e");
        Directory.CreateDirectory(folder.Combine("scratch"));
        var settings = new Dictionary<string, string>
        {
            ["ConnectorHub__Plugins__Directory"] = RepoPaths.TestPlugins,
            ["ConnectorHub__Runner__BatchSize"] = "10",
        };
        foreach (var (name, value) in environment)
        {
            settings[name] = value;
        }

        var process = await HubProcess.StartAsync(folder.Path, settings);
        return new DashboardHub(folder, process, logName);
    }

    public async Task SetUpAsync()
    {
        var result = await PostAsync("api/setup", new { userName = AdminName, password = AdminPassword, apiTokenName = "e2e" });
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result["apiToken"]!.GetValue<string>());
    }

    public async Task<JsonNode> PostAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}\n{_process.Output}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>An echo source, a folder destination and a sync between them, through the API.</summary>
    public async Task<(Guid Source, Guid Destination, Guid Sync)> CreateSyncAsync(string name, int count = 12, int[]? rejectAt = null)
    {
        var source = await PostAsync("api/connections", new { name = $"{name} source", pluginId = "echo", config = new { count, reject_at = rejectAt ?? [3] } });
        var destination = await PostAsync("api/connections", new { name = $"{name} folder", pluginId = "folder", config = new { path = Scratch(name) } });
        var sync = await PostAsync("api/syncs", new
        {
            name,
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = destination["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers", syncMode = "Incremental" } },
            scheduleCron = "0 0 2 * * ?",
            scheduleTimeZone = "Europe/London",
        });
        return (source["id"]!.GetValue<Guid>(), destination["id"]!.GetValue<Guid>(), sync["id"]!.GetValue<Guid>());
    }

    /// <summary>Runs a sync through the API and waits until the run ends.</summary>
    public async Task<Guid> RunAsync(Guid syncId)
    {
        var run = await PostAsync($"api/syncs/{syncId}/runs", new { });
        var runId = run["id"]!.GetValue<Guid>();
        await Eventually.HoldsAsync(async () => (await Api.GetFromJsonAsync<JsonObject>($"api/runs/{runId}"))!["status"]!.GetValue<string>() is "Succeeded" or "Failed",
            TimeSpan.FromSeconds(30), "the run ends");
        return runId;
    }

    /// <summary>A Square connection to <paramref name="square"/> and a sync of its customers and orders into the hub, run to the end.</summary>
    public async Task<(Guid Connection, Guid Sync)> SyncSquareIntoTheHubAsync(Uri square)
    {
        var connection = await PostAsync("api/connections", new
        {
            name = "Square POS",
            pluginId = "square",
            config = new { access_token = Sandbox.Square.SquareEmulator.DefaultAccessToken, base_url = square.ToString() },
        });
        var sync = await PostAsync("api/syncs", new
        {
            name = "Square into the hub",
            sourceConnectionId = connection["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "customers" }, new { name = "orders" } },
        });
        await RunAsync(sync["id"]!.GetValue<Guid>());
        return (connection["id"]!.GetValue<Guid>(), sync["id"]!.GetValue<Guid>());
    }

    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.CreateDirectory(Screenshots.Root);
        await File.WriteAllTextAsync(Path.Combine(Screenshots.Root, _logName + ".log"), _process.Output);
        _folder.Dispose();
    }
}
