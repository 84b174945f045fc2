using System.Text.Json.Nodes;
using ConnectorHub.Cli.Tests.Support;

namespace ConnectorHub.Cli.Tests.Connections;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Check_ExitsZero_WhenTheConnectionWorks()
    {
        var file = _workspace.Write("echo.yaml", "plugin: echo\nconfig:\n  token: good\n");

        var result = await _workspace.RunAsync("check", "--config", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Check of the connection (echo) succeeded", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.StateFile), "a check stores nothing");
    }

    [Fact]
    public async Task Check_ExitsFour_WithTheConnectorsMessage_WhenTheCheckFails()
    {
        var sync = _workspace.WriteSync("numbers", "token: wrong");

        var result = await _workspace.RunAsync("check", "--config", sync, "--json");

        Assert.True(result.ExitCode == 4, result.ToString());
        var checks = JsonNode.Parse(result.Output)!["checks"]!.AsArray();
        Assert.Equal(2, checks.Count);
        Assert.Equal(("source", false), (checks[0]!["role"]!.GetValue<string>(), checks[0]!["succeeded"]!.GetValue<bool>()));
        Assert.Contains("The token was refused (401)", checks[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("destination", true), (checks[1]!["role"]!.GetValue<string>(), checks[1]!["succeeded"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Check_ExitsTwo_WhenTheFileHasNoPlugin()
    {
        var file = _workspace.Write("echo.yaml", "config:\n  token: good\n");

        var result = await _workspace.RunAsync("check", "--config", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("echo.yaml:1: plugin: is required.", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
