using ConnectorHub.Cli.Tests.Support;

namespace ConnectorHub.Cli.Tests.Files;

public sealed class SyncFileTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Run_ExitsTwo_NamingTheBadFieldAndItsLine()
    {
        var sync = _workspace.Write("bad.yaml", """
            name: numbers
            source:
              plugin: echo
              config: { count: 5 }
            destination: { plugin: folder, config: { path: ./out } }
            streams:
              - name: numbers
                sync_mode: sideways
            """);

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml:8: streams[0].sync_mode: 'sideways' is not one of full_refresh, incremental.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.StateFile), "an invalid file changes nothing");
    }

    [Fact]
    public async Task Run_ReportsEveryProblem_WithItsLine()
    {
        var sync = _workspace.Write("bad.yaml", """
            name: numbers
            source:
              plugin: echo
            destination: { plugin: folder, config: { path: ./out } }
            streams:
              - name: numbers
                sync_mod: incremental
              - primary_key: 42
            """);

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml has 3 problems", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:7: streams[0].sync_mod: is not a known field here.", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:8: streams[1].name: is required.", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:8: streams[1].primary_key: must be a field name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenTheConfigBreaksThePluginsSpec()
    {
        var sync = _workspace.Write("bad.yaml", """
            name: numbers
            source:
              plugin: echo
              config:
                count: many
            destination: { plugin: folder, config: { path: ./out } }
            streams: [numbers]
            """);

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml:5: source.config.count: must be an integer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenThePluginIsNotInstalled()
    {
        var sync = _workspace.Write("bad.yaml", """
            name: numbers
            source: { plugin: hubspot }
            destination: none
            streams: [contacts]
            """);

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml:2: source.plugin: no plugin 'hubspot' is installed", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"\(installed: [a-z, ]*\becho\b[a-z, ]*\)", result.Error);
        Assert.False(File.Exists(_workspace.StateFile), "no state store is opened for a file that names a missing plugin");
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenTheSourceHasNoSuchStream()
    {
        var sync = _workspace.Write("bad.yaml", """
            name: numbers
            source: { plugin: echo }
            destination: { plugin: folder, config: { path: ./out } }
            streams:
              - name: letters
            """);

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml:5: streams[0].name: 'numbers (source)' has no stream 'letters'. It has: numbers.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WithTheLine_WhenTheFileIsNotYaml()
    {
        var sync = _workspace.Write("broken.yaml", "name: numbers\nsource: [\n");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.yaml:3: is not valid YAML or JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AcceptsAJsonSyncFile_AndEnvironmentVariablesInValues()
    {
        var sync = _workspace.Write("numbers.json", """
            {
              "name": "numbers",
              "source": { "plugin": "echo", "config": { "count": 7, "token": "${ECHO_TOKEN}" } },
              "destination": { "plugin": "folder", "config": { "path": "./out" }, "settings": { "list": "vip" } },
              "streams": [ { "name": "numbers", "sync_mode": "incremental", "primary_key": "id", "cursor_field": ["n"], "destination_mode": "append" } ]
            }
            """);

        var result = await _workspace.RunAsync(new Dictionary<string, string> { ["ECHO_TOKEN"] = "s3cret" }, "run", "--config", sync);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(1, 7), _workspace.Numbers());
        Assert.DoesNotContain("s3cret", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenAReferencedEnvironmentVariableIsNotSet()
    {
        var sync = _workspace.WriteSync("numbers", "token: '${CLI_TEST_UNSET_TOKEN}'");

        var result = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("numbers.yaml:5: source.config.token: refers to the environment variable 'CLI_TEST_UNSET_TOKEN', which is not set.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenTheSyncFileIsMissing()
    {
        var result = await _workspace.RunAsync("run", "--config", "nowhere.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("nowhere.yaml: cannot be read", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
