using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Support;

/// <summary>
/// A temp folder to run the CLI in, with the test plugins (echo source, folder destination): writes sync files,
/// runs commands, and reads what the folder destination received.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    private readonly TempDirectory _folder = new("cli");

    /// <summary>The folder the CLI runs in.</summary>
    public string Path => _folder.Path;

    /// <summary>The default state file a run creates here.</summary>
    public string StateFile => _folder.Combine("connectorhub-state.db");

    /// <summary>Writes a file in the workspace and returns its name.</summary>
    public string Write(string name, string content)
    {
        File.WriteAllText(_folder.Combine(name), content);
        return name;
    }

    /// <summary>
    /// Writes a sync file moving echo's <c>numbers</c> stream into the folder <paramref name="target"/>, with extra
    /// echo (flow-style YAML, such as <c>count: 30</c>) and folder settings.
    /// </summary>
    public string WriteSync(string name, string echoConfig, string target = "out", string folderConfig = "", string syncMode = "incremental") =>
        Write($"{name}.yaml", $$"""
            # A sync for the CLI tests.
            name: {{name}}
            source:
              plugin: echo
              config: { {{echoConfig}} }
            destination:
              plugin: folder
              config: { path: ./{{target}}{{(folderConfig.Length > 0 ? ", " + folderConfig : string.Empty)}} }
            streams:
              - name: numbers
                sync_mode: {{syncMode}}
            """);

    /// <summary>Runs <c>connectorhub</c> here against the test plugins.</summary>
    public Task<CliResult> RunAsync(params string[] arguments) =>
        CliProcess.RunAsync(Path, WithTestPlugins(arguments));

    /// <summary>Runs <c>connectorhub</c> here with extra environment variables.</summary>
    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        CliProcess.RunAsync(Path, WithTestPlugins(arguments), environment);

    /// <summary>Starts <c>connectorhub</c> here without waiting for it.</summary>
    public CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        CliProcess.Start(Path, WithTestPlugins(arguments), environment);

    /// <summary>The numbers the folder destination holds in <paramref name="target"/>, sorted.</summary>
    public IReadOnlyList<int> Numbers(string target = "out")
    {
        var folder = _folder.Combine(target, "records");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => JsonNode.Parse(File.ReadAllText(f))!["n"]!.GetValue<int>()).Order().ToArray()
            : [];
    }

    /// <summary>Every delivery the folder destination received in <paramref name="target"/>, in order.</summary>
    public IReadOnlyList<string> Deliveries(string target = "out")
    {
        var log = _folder.Combine(target, "deliveries.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();

    private static string[] WithTestPlugins(string[] arguments) =>
        arguments.Contains("--plugins-dir") ? arguments : [.. arguments, "--plugins-dir", RepoPaths.TestPlugins];
}
