using System.Text.Json.Nodes;
using ConnectorHub.Cli.Tests.Support;

namespace ConnectorHub.Cli.Tests.Runs;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_MovesEveryRecord_AndExitsZero()
    {
        var sync = _workspace.WriteSync("numbers", "count: 95, state_every: 7");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(1, 95), _workspace.Numbers());
        Assert.Contains("succeeded", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"numbers\s*│\s*95\s*│\s*95\s*│\s*0", result.Output);
        Assert.True(File.Exists(_workspace.StateFile), "the default state file is created in the working folder");
    }

    [Fact]
    public async Task Run_ResumesFromTheStoredCheckpoint_WhenRunAgain()
    {
        var sync = _workspace.WriteSync("numbers", "count: 40, state_every: 5");
        var first = await _workspace.RunAsync("run", "--config", sync, "--json");

        var second = await _workspace.RunAsync("run", "--config", sync, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(40, Totals(first)["read"]!.GetValue<long>());
        Assert.Equal(0, Totals(second)["read"]!.GetValue<long>());
        Assert.Equal(40, _workspace.Deliveries().Count);
    }

    [Fact]
    public async Task Run_ReadsEverythingAgain_WithFullRefresh()
    {
        var sync = _workspace.WriteSync("numbers", "count: 20, state_every: 5");
        await _workspace.RunAsync("run", "--config", sync);

        var again = await _workspace.RunAsync("run", "--config", sync, "--full-refresh");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("forgot 1 checkpoint", again.Output, StringComparison.Ordinal);
        Assert.Equal(40, _workspace.Deliveries().Count);
        Assert.Equal(Enumerable.Range(1, 20), _workspace.Numbers());
    }

    [Fact]
    public async Task Run_ExitsThree_WithTheMessage_WhenTheSourceRefusesItsCredentials()
    {
        var sync = _workspace.WriteSync("numbers", "fail_with_config: true");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Configuration error", result.Output, StringComparison.Ordinal);
        Assert.Contains("GET /numbers answered 401 Unauthorized. The credentials were refused: check the token in the connection's settings.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsThree_WhenTheConnectionCheckFails_BeforeAnythingRuns()
    {
        var sync = _workspace.WriteSync("numbers", "token: wrong");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("The source (echo) refused its configuration: The token was refused (401).", result.Error, StringComparison.Ordinal);
        Assert.Empty(_workspace.Deliveries());
    }

    [Fact]
    public async Task Run_ExitsFive_AndListsTheRejectedRecordsWithTheirReasons()
    {
        var sync = _workspace.WriteSync("numbers", "count: 30, reject_at: [4], missing_key_at: [17]", folderConfig: "reject_keys: [n-21]");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal(Enumerable.Range(1, 30).Except([4, 17, 21]), _workspace.Numbers());
        Assert.Contains("3 record(s) were rejected", result.Output, StringComparison.Ordinal);
        Assert.Contains("Row 4 has an unreadable value.", result.Output, StringComparison.Ordinal);
        Assert.Contains("The record has no value at its primary key 'id'.", result.Output, StringComparison.Ordinal);
        Assert.Contains("The key 'n-21' is on the reject list.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PrintsAParseableJsonSummary_WithJson()
    {
        var sync = _workspace.WriteSync("numbers", "count: 12, reject_at: [3]");

        var result = await _workspace.RunAsync("run", "--config", sync, "--json", "--show-rejects", "5");

        var report = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(5, result.ExitCode);
        Assert.Equal("numbers", report["sync"]!.GetValue<string>());
        Assert.Equal("succeeded", report["status"]!.GetValue<string>());
        Assert.Equal(5, report["exitCode"]!.GetValue<int>());
        Assert.True(Guid.TryParse(report["runId"]!.GetValue<string>(), out _));
        var stream = Assert.Single(report["streams"]!.AsArray())!;
        Assert.Equal(("numbers", 12L, 11L, 1L), (stream["stream"]!.GetValue<string>(), stream["read"]!.GetValue<long>(), stream["written"]!.GetValue<long>(), stream["rejected"]!.GetValue<long>()));
        var reject = Assert.Single(report["rejects"]!.AsArray())!;
        Assert.Equal(("source", "Row 3 has an unreadable value."), (reject["stage"]!.GetValue<string>(), reject["reason"]!.GetValue<string>()));
        Assert.Null(report["error"]);
    }

    [Fact]
    public async Task Run_ReportsTheClassifiedErrorInJson_WhenTheRunFails()
    {
        var sync = _workspace.WriteSync("numbers", "fail_with_config: true");

        var result = await _workspace.RunAsync("run", "--config", sync, "--json");

        var report = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("failed", report["status"]!.GetValue<string>());
        Assert.Equal("configuration", report["error"]!["category"]!.GetValue<string>());
        Assert.Contains("check the token", report["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeepsItsStateInTheGivenFile_WithState()
    {
        var sync = _workspace.WriteSync("numbers", "count: 10");

        var first = await _workspace.RunAsync("run", "--config", sync, "--state", "elsewhere/state.db", "--json");
        var fresh = await _workspace.RunAsync("run", "--config", sync, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(File.Exists(Path.Combine(_workspace.Path, "elsewhere", "state.db")));
        Assert.Equal(10, Totals(fresh)["read"]!.GetValue<long>()); // another store knows no checkpoint
    }

    public void Dispose() => _workspace.Dispose();

    private static JsonObject Totals(CliResult result) => JsonNode.Parse(result.Output)!["totals"]!.AsObject();
}
