using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping;

/// <summary>
/// Loads the default mappings a connector ships in its plugin folder: <c>mappings/&lt;stream&gt;.yaml</c> (or .yml,
/// .json), one per stream, keyed by stream name.
/// </summary>
public static class MappingFolder
{
    /// <summary>The folder, inside a plugin folder, that holds its default mappings.</summary>
    public const string Name = "mappings";

    /// <summary>
    /// Reads and compiles every mapping in <paramref name="pluginDirectory"/>/mappings; an absent folder gives none.
    /// </summary>
    /// <exception cref="MappingDefinitionException">Every problem in every file, each naming its file, line and key.</exception>
    public static IReadOnlyDictionary<string, CompiledMapping> Load(string pluginDirectory) =>
        LoadAll(pluginDirectory).Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal);

    /// <summary>
    /// Every default mapping of a connector, by stream: <c>mappings/orders.yaml</c> maps the stream <c>orders</c>, and
    /// further files named <c>orders.{anything}.yaml</c> map the same records to more entities (an order and the
    /// buyer's profile fragment, say). Throws <see cref="MappingDefinitionException"/> listing every broken file.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>> LoadAll(string pluginDirectory)
    {
        var folder = Path.Combine(pluginDirectory, Name);
        var mappings = new Dictionary<string, IReadOnlyList<CompiledMapping>>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return mappings;
        }

        var errors = new List<MappingDefinitionError>();
        foreach (var file in Directory.EnumerateFiles(folder).Where(IsMappingFile).Order(StringComparer.Ordinal))
        {
            var stream = Path.GetFileNameWithoutExtension(file).Split('.')[0];
            var sourceName = $"{Name}/{Path.GetFileName(file)}";
            try
            {
                var mapping = MappingCompiler.Compile(File.ReadAllText(file), sourceName);
                mappings[stream] = mappings.TryGetValue(stream, out var others) ? [.. others, mapping] : [mapping];
            }
            catch (MappingDefinitionException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        return errors.Count == 0 ? mappings : throw new MappingDefinitionException(errors);
    }

    /// <summary>
    /// The text of the main default mapping of <paramref name="stream"/> (<c>mappings/&lt;stream&gt;.yaml</c>, .yml or
    /// .json), for an editor to start from; null when the connector ships none.
    /// </summary>
    public static string? ReadDefault(string pluginDirectory, string stream)
    {
        var folder = Path.Combine(pluginDirectory, Name);
        var file = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(IsMappingFile).Order(StringComparer.Ordinal)
                .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == stream)
            : null;
        return file is null ? null : File.ReadAllText(file);
    }

    private static bool IsMappingFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" or ".json";
}
