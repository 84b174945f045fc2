namespace ConnectorHub.TestSupport;

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding ConnectorHub.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Where the build puts every connector plugin.</summary>
    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

    /// <summary>Where test-only plugin fixtures are built.</summary>
    public static string TestPlugins => Path.Combine(Root, "artifacts", "test-plugins");

    /// <summary>Where second builds of test plugins are put (the echo plugin as version 2.0.0), for hot reload tests.</summary>
    public static string TestPluginsV2 => Path.Combine(Root, "artifacts", "test-plugins-v2");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConnectorHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ConnectorHub.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
