using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>Reads mapping files, YAML or JSON (the same model), into a <see cref="MappingDefinition"/>.</summary>
public static class MappingReader
{
    /// <summary>
    /// Parses a mapping from text. <paramref name="sourceName"/> names it in errors; its extension picks the format
    /// (.json, .yaml, .yml), otherwise text starting with <c>{</c> is read as JSON and anything else as YAML.
    /// </summary>
    /// <exception cref="MappingDefinitionException">The text is not a valid mapping; every problem names its line and key.</exception>
    public static MappingDefinition Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var document = IsJson(text, sourceName) ? JsonDocumentReader.Read(text, sourceName) : YamlDocumentReader.Read(text, sourceName);
        return new DefinitionBuilder(sourceName).Build(document);
    }

    /// <summary>Reads and parses a mapping file (for example a connector's <c>mappings/contacts.yaml</c>).</summary>
    public static MappingDefinition ReadFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private static bool IsJson(string text, string sourceName)
    {
        var extension = Path.GetExtension(sourceName);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);
    }
}
