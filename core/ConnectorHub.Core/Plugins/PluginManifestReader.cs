using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConnectorHub.Core.Plugins;

/// <summary>Reads and checks a plugin folder's <c>plugin.json</c>.</summary>
internal static partial class PluginManifestReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static PluginManifest Read(string directory)
    {
        var path = Path.Combine(directory, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginLoadException(
                $"The plugin folder '{directory}' has no {PluginManifest.FileName}. Add one with id, name, version, kind, assembly, entryType and sdkVersion (see docs/writing-a-connector.md).");
        }

        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new PluginLoadException($"{path} is malformed: {ex.Message} Fix the file.", ex);
        }

        if (manifest is null)
        {
            throw new PluginLoadException($"{path} is empty. It must be a JSON object with id, name, version, kind, assembly, entryType and sdkVersion.");
        }

        Check(manifest, path);
        return manifest;
    }

    private static void Check(PluginManifest manifest, string path)
    {
        if (!IdPattern().IsMatch(manifest.Id))
        {
            throw new PluginLoadException($"{path}: the id '{manifest.Id}' must be lower case letters, digits and dashes, starting with a letter (for example 'hubspot').");
        }

        if (!Version.TryParse(manifest.Version, out _) && !SemVerPattern().IsMatch(manifest.Version))
        {
            throw new PluginLoadException($"{path}: the version '{manifest.Version}' of plugin '{manifest.Id}' is not a version such as 1.2.0.");
        }

        if (!Version.TryParse(manifest.SdkVersion, out _))
        {
            throw new PluginLoadException($"{path}: the sdkVersion '{manifest.SdkVersion}' of plugin '{manifest.Id}' is not a version such as 1.0.0.");
        }

        if (Path.IsPathRooted(manifest.Assembly) || manifest.Assembly.Contains("..", StringComparison.Ordinal))
        {
            throw new PluginLoadException($"{path}: the assembly '{manifest.Assembly}' of plugin '{manifest.Id}' must be a file name inside the plugin folder.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVerPattern();
}
