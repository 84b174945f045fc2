using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Host.Dashboard.Mappings;

/// <summary>The text of the mapping a connector ships for a stream (<c>mappings/&lt;stream&gt;.yaml</c>), if any.</summary>
internal static class DefaultMappingText
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static string? For(LoadedPlugin? plugin, string stream)
    {
        var folder = plugin is null ? null : Path.Combine(plugin.Directory, MappingFolder.Name);
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }

        var file = Extensions.Select(ext => Path.Combine(folder, stream + ext)).FirstOrDefault(File.Exists);
        return file is null ? null : File.ReadAllText(file);
    }
}
