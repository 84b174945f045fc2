namespace ConnectorHub.TestSupport;

/// <summary>
/// A plugins directory of its own, filled with copies of built test plugins, for tests that install, upgrade or break
/// plugins while a hub watches: what an admin does on disk.
/// </summary>
public sealed class PluginDirectory : IDisposable
{
    private readonly TempDirectory _root = new("plugins");

    /// <summary>The directory's full path.</summary>
    public string Path => _root.Path;

    /// <summary>The built echo test plugin, version 1.0.0.</summary>
    public static string EchoV1 => Built(RepoPaths.TestPlugins, "echo");

    /// <summary>The echo test plugin's second build, version 2.0.0.</summary>
    public static string EchoV2 => Built(RepoPaths.TestPluginsV2, "echo");

    /// <summary>The legacy test source, compiled against SDK 1.0.0's reference assembly.</summary>
    public static string Legacy => Built(RepoPaths.TestPlugins, "legacy");

    /// <summary>The built folder test destination.</summary>
    public static string Folder => Built(RepoPaths.TestPlugins, "folder");

    /// <summary>The path of plugin folder <paramref name="folder"/>.</summary>
    public string Combine(string folder, params string[] parts) => _root.Combine([folder, .. parts]);

    /// <summary>
    /// Copies every file of the built plugin <paramref name="built"/> into <paramref name="folder"/>, over what it
    /// holds, its plugin.json last (as the docs advise), so no moment shows a new manifest beside old assemblies.
    /// </summary>
    public string Install(string built, string folder)
    {
        var target = _root.Combine(folder);
        var files = Directory.GetFiles(built, "*", SearchOption.AllDirectories);
        foreach (var file in files.OrderBy(f => System.IO.Path.GetFileName(f) == "plugin.json"))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(built, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    private static string Built(string root, string id)
    {
        var folder = System.IO.Path.Combine(root, id);
        return File.Exists(System.IO.Path.Combine(folder, "plugin.json"))
            ? folder
            : throw new InvalidOperationException($"The test plugin '{id}' is not built at {folder}; build the tests/Plugins projects.");
    }
}
