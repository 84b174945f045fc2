using ConnectorHub.TestSupport;

namespace ConnectorHub.Templates.Tests.Support;

/// <summary>
/// One template created in a temp folder and taken through what its author does first: <c>dotnet new</c>,
/// <c>dotnet build</c> (warnings as errors), <c>dotnet test</c>. Each step runs only if the one before succeeded.
/// </summary>
public sealed class GeneratedConnector
{
    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(5);

    private GeneratedConnector(string template, string name, string pluginId, string folder)
    {
        Template = template;
        Name = name;
        PluginId = pluginId;
        Folder = folder;
    }

    /// <summary>The template's short name.</summary>
    public string Template { get; }

    /// <summary>The name given with <c>-n</c>.</summary>
    public string Name { get; }

    /// <summary>The plugin id the connector should have.</summary>
    public string PluginId { get; }

    /// <summary>The output folder.</summary>
    public string Folder { get; }

    public CommandResult? New { get; private set; }

    public CommandResult? Build { get; private set; }

    public CommandResult? Test { get; private set; }

    /// <summary>The generated test project.</summary>
    public string TestProject => Path.Combine(Folder, $"ConnectorHub.Connectors.{Name}.Tests", $"ConnectorHub.Connectors.{Name}.Tests.csproj");

    /// <summary>The test run's results (TRX).</summary>
    public string TestResults => Path.Combine(Folder, "TestResults", "kit.trx");

    /// <summary>Where the build put the plugin, ready to copy into a hub's plugins folder.</summary>
    public string PluginFolder => Path.Combine(Folder, "artifacts", "plugins", PluginId);

    /// <summary>
    /// Creates <paramref name="template"/> as <paramref name="name"/> in <paramref name="folder"/> from the templates
    /// installed in <paramref name="hive"/>, then builds and tests it.
    /// </summary>
    public static async Task<GeneratedConnector> CreateAsync(string hive, string folder, string template, string name, string? pluginId)
    {
        var connector = new GeneratedConnector(template, name, pluginId ?? name.ToLowerInvariant(), folder);
        string[] options = pluginId is null ? [] : ["--plugin-id", pluginId];
        connector.New = await DotnetCommand.RunAsync(
            Path.GetDirectoryName(folder)!,
            ["new", template, "-n", name, "-o", folder, "--repo-root", RepoPaths.Root, "--debug:custom-hive", hive, .. options],
            NewTimeout);
        if (!connector.New.Succeeded)
        {
            return connector;
        }

        // Inside the repository its .editorconfig sets the analyzers' severities; outside, a copy does.
        File.Copy(Path.Combine(RepoPaths.Root, ".editorconfig"), Path.Combine(folder, ".editorconfig"));
        connector.Build = await DotnetCommand.RunAsync(folder, ["build", connector.TestProject, "-c", Configuration, "-warnaserror"], BuildTimeout);
        if (!connector.Build.Succeeded)
        {
            return connector;
        }

        connector.Test = await DotnetCommand.RunAsync(
            folder,
            ["test", connector.TestProject, "-c", Configuration, "--no-build", "--logger", "trx;LogFileName=kit.trx", "--results-directory", Path.GetDirectoryName(connector.TestResults)!],
            TestTimeout);
        return connector;
    }

    /// <summary>A generated file, by its path in the output folder.</summary>
    public string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>The configuration these tests were built in, so the generated build finds the repository's projects built.</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
