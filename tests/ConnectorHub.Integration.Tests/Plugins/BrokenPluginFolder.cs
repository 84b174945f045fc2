using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Plugins;

/// <summary>
/// A plugins directory made of real copies of the built echo plugin, some broken on purpose: the loader sees
/// exactly what an admin's disk would hold.
/// </summary>
internal sealed class BrokenPluginFolder : IDisposable
{
    private readonly TempDirectory _root = new("plugins");

    public string Path => _root.Path;

    /// <summary>Copies the built echo plugin into <paramref name="folder"/>, with its manifest id set to <paramref name="id"/>.</summary>
    public string AddEcho(string folder, string id = "echo")
    {
        var target = _root.Combine(folder);
        Directory.CreateDirectory(target);
        var source = System.IO.Path.Combine(RepoPaths.TestPlugins, "echo");
        if (!File.Exists(System.IO.Path.Combine(source, "plugin.json")))
        {
            throw new InvalidOperationException($"The echo test plugin is not built at {source}; build tests/Plugins/ConnectorHub.TestPlugins.Echo.");
        }

        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        EditManifest(folder, m => m["id"] = id);
        return target;
    }

    public void EditManifest(string folder, Action<JsonObject> edit)
    {
        var path = _root.Combine(folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public void WriteFile(string folder, string file, string content) => File.WriteAllText(_root.Combine(folder, file), content);

    public void WriteBytes(string folder, string file, byte[] content) => File.WriteAllBytes(_root.Combine(folder, file), content);

    public void CopyIn(string folder, string sourceFile) =>
        File.Copy(sourceFile, _root.Combine(folder, System.IO.Path.GetFileName(sourceFile)), overwrite: true);

    public void Dispose() => _root.Dispose();
}
