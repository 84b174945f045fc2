using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Api;

/// <summary><c>/api/plugins</c> follows what is installed while the hub runs (hot reload).</summary>
public sealed class PluginApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly PluginDirectory _plugins = new();
    private HubFactory _hub = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _plugins.Install(PluginDirectory.EchoV1, "echo");
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["ConnectorHub:Plugins:Directory"] = _plugins.Path,
            ["ConnectorHub:Plugins:ReloadQuietPeriod"] = "00:00:00.100",
        });
        _client = await _hub.CreateClientAsync(Core.Access.HubRole.Viewer);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _hub.Dispose();
        _plugins.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Plugins_ShowsTheNewVersion_OnceItIsDroppedIntoThePluginsDirectory()
    {
        Assert.Equal("1.0.0", await EchoVersionAsync());

        _plugins.Install(PluginDirectory.EchoV2, "echo");

        await Eventually.HoldsAsync(async () => await EchoVersionAsync() == "2.0.0", Timeout, "/api/plugins shows version 2.0.0");
        Assert.Equal("Echo 2 (test fixture)", (await _client.GetJsonAsync("/api/plugins/echo"))["name"]!.GetValue<string>());
        Assert.Empty((await _client.GetJsonAsync("/api/plugins/refused")).AsArray());
    }

    [Fact]
    public async Task Refused_ListsABrokenNewVersion_WhilePluginsKeepsShowingTheOldOne()
    {
        await File.WriteAllBytesAsync(_plugins.Combine("echo", "ConnectorHub.TestPlugins.Echo.dll"), [0x4D, 0x5A, 0x00, 0x13, 0x37]);

        await Eventually.HoldsAsync(async () => (await _client.GetJsonAsync("/api/plugins/refused")).AsArray().Count > 0, Timeout, "the broken version is listed as refused");
        var refusal = (await _client.GetJsonAsync("/api/plugins/refused")).AsArray().Single()!;
        Assert.Equal("echo", refusal["pluginId"]!.GetValue<string>());
        Assert.Contains("is not a valid .NET assembly", refusal["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Version 1.0.0 keeps serving", refusal["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1.0.0", await EchoVersionAsync());
    }

    private async Task<string?> EchoVersionAsync() =>
        (await _client.GetJsonAsync("/api/plugins")).AsArray().SingleOrDefault(p => p!["id"]!.GetValue<string>() == "echo")?["version"]?.GetValue<string>();
}
