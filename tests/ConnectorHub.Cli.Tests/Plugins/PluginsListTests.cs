using System.Text.Json.Nodes;
using ConnectorHub.Cli.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Plugins;

public sealed class PluginsListTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task PluginsList_ShowsTheInstalledPlugins()
    {
        var result = await _workspace.RunAsync("plugins", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"echo\s*│\s*source\s*│\s*1\.0\.0\s*│\s*Echo \(test fixture\)", result.Output);
        Assert.Matches(@"folder\s*│\s*destination\s*│\s*1\.0\.0\s*│\s*Folder \(test fixture\)", result.Output);
        Assert.False(File.Exists(_workspace.StateFile), "listing plugins touches no state store");
    }

    [Fact]
    public async Task PluginsList_ShowsRefusedFoldersWithTheReason_AndParsesAsJson()
    {
        var plugins = Path.Combine(_workspace.Path, "plugins");
        CopyDirectory(Path.Combine(RepoPaths.TestPlugins, "echo"), Path.Combine(plugins, "echo"));
        CopyDirectory(Path.Combine(RepoPaths.TestPlugins, "echo"), Path.Combine(plugins, "future-echo"));
        var manifest = Path.Combine(plugins, "future-echo", "plugin.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["id"] = "future-echo";
        json["sdkVersion"] = "9.0.0";
        File.WriteAllText(manifest, json.ToJsonString());

        var result = await _workspace.RunAsync("plugins", "list", "--plugins-dir", plugins, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = JsonNode.Parse(result.Output)!;
        var plugin = Assert.Single(document["plugins"]!.AsArray())!;
        Assert.Equal(("echo", "source", "1.0.0"), (plugin["id"]!.GetValue<string>(), plugin["kind"]!.GetValue<string>(), plugin["version"]!.GetValue<string>()));
        var refused = Assert.Single(document["refused"]!.AsArray())!;
        Assert.Equal("future-echo", refused["pluginId"]!.GetValue<string>());
        Assert.Contains("SDK 9.0.0", refused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginsList_ExitsTwo_WhenThePluginsFolderDoesNotExist()
    {
        var result = await _workspace.RunAsync("plugins", "list", "--plugins-dir", "missing");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
