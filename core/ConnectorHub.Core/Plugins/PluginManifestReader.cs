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
                $"The plugin folder '{directory}' has no {PluginManifest.FileName}. Add one with id, name, version, kind, sdkVersion, and assembly and entryType (or a connector.yaml beside it for a manifest-only source; see docs/writing-a-connector.md).");
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

        if (manifest.Assembly is null || manifest.EntryType is null)
        {
            CheckManifestOnly(manifest, path);
            return;
        }

        if (Path.IsPathRooted(manifest.Assembly) || manifest.Assembly.Contains("..", StringComparison.Ordinal))
        {
            throw new PluginLoadException($"{path}: the assembly '{manifest.Assembly}' of plugin '{manifest.Id}' must be a file name inside the plugin folder.");
        }
    }

    private static void CheckManifestOnly(PluginManifest manifest, string path)
    {
        if (manifest.Assembly is not null || manifest.EntryType is not null)
        {
            throw new PluginLoadException($"{path}: plugin '{manifest.Id}' names {(manifest.Assembly is null ? "an entryType but no assembly" : "an assembly but no entryType")}. Give both, or neither for a manifest-only source (a connector.yaml in the folder).");
        }

        if (!File.Exists(Path.Combine(Path.GetDirectoryName(path)!, Sdk.Manifests.ConnectorManifest.FileName)))
        {
            throw new PluginLoadException($"{path}: plugin '{manifest.Id}' names no assembly and its folder has no {Sdk.Manifests.ConnectorManifest.FileName}. Add 'assembly' and 'entryType' for a plugin with code, or a {Sdk.Manifests.ConnectorManifest.FileName} for a manifest-only source.");
        }

        if (manifest.Kind != PluginKind.Source)
        {
            throw new PluginLoadException($"{path}: plugin '{manifest.Id}' is a manifest-only {manifest.Kind.ToString().ToLowerInvariant()}, but manifests describe sources only. Set 'kind' to 'source', or ship an assembly.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVerPattern();
}
