using System.Text.Json.Nodes;
using ConnectorHub.Cli.Tests.Support;

namespace ConnectorHub.Cli.Tests.Connections;

public sealed class DiscoverCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Discover_ListsTheSourcesStreams_WithModesKeyAndCursor()
    {
        var file = _workspace.Write("echo.yaml", "plugin: echo\n");

        var result = await _workspace.RunAsync("discover", "--config", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"numbers\s*│\s*full_refresh, incremental\s*│\s*id\s*│\s*n \(source-defined\)", result.Output);
    }

    [Fact]
    public async Task Discover_PrintsTheStreamsAsJson()
    {
        var sync = _workspace.WriteSync("numbers", "count: 3");

        var result = await _workspace.RunAsync("discover", "--config", sync, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stream = Assert.Single(JsonNode.Parse(result.Output)!["streams"]!.AsArray())!;
        Assert.Equal("numbers", stream["name"]!.GetValue<string>());
        Assert.Equal(["full_refresh", "incremental"], stream["supportedSyncModes"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("id", stream["primaryKey"]![0]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Discover_ExitsTwo_ForADestination()
    {
        var file = _workspace.Write("folder.yaml", "plugin: folder\nconfig: { path: ./out }\n");

        var result = await _workspace.RunAsync("discover", "--config", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'folder' is a destination; only sources have streams", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
