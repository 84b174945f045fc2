using ConnectorHub.Cli.Tests.Support;

namespace ConnectorHub.Cli.Tests.CommandLine;

public sealed class HelpAndUsageTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Help_DocumentsTheCommandsAndTheExitCodes()
    {
        var result = await _workspace.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "plugins", "check", "discover", "run" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s+\S", result.Output);
        }

        foreach (var code in new[] { "0", "1", "2", "3", "4", "5", "130" })
        {
            Assert.Matches($@"(?m)^\s+{code}\s+\S", result.Output);
        }
    }

    [Fact]
    public async Task RunHelp_ShowsItsOptions_WithoutTheRequiredConfig()
    {
        var result = await _workspace.RunAsync("run", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var option in new[] { "--config", "--state", "--storage", "--full-refresh", "--json", "--plugins-dir", "--verbose" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--config", "x.yaml", "--no-such-option")]
    [InlineData("frobnicate")]
    public async Task BadUsage_ExitsTwo(params string[] arguments)
    {
        var result = await _workspace.RunAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenBothStateAndStorageAreGiven()
    {
        var sync = _workspace.WriteSync("numbers", "count: 1");

        var result = await _workspace.RunAsync("run", "--config", sync, "--state", "a.db", "--storage", "Host=127.0.0.1;Database=x");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("either --state", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
