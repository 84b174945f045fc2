using System.Text.Json.Nodes;
using ConnectorHub.Cli.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Runs;

public sealed class PostgresStateTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_KeepsItsCheckpointsInPostgres_WithStorage_AndResumesFromThem()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("cli");
        var sync = _workspace.WriteSync("numbers", "count: 25, state_every: 4");

        var first = await _workspace.RunAsync("run", "--config", sync, "--storage", connectionString, "--json");
        var second = await _workspace.RunAsync("run", "--config", sync, "--storage", connectionString, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.StartsWith("PostgreSQL database 'cli_", JsonNode.Parse(first.Output)!["stateStore"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(25, JsonNode.Parse(first.Output)!["totals"]!["read"]!.GetValue<long>());
        Assert.Equal(0, JsonNode.Parse(second.Output)!["totals"]!["read"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, 25), _workspace.Numbers());
        Assert.False(File.Exists(_workspace.StateFile));
    }

    public void Dispose() => _workspace.Dispose();
}
