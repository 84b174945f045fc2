using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Preview;

/// <summary>
/// Runs mapping text against sample records for the dashboard's mapping editor. A pure function: no I/O, no state,
/// never throws for bad mapping text or bad samples.
/// </summary>
public static class MappingPreview
{
    /// <summary>The most samples one preview maps; the rest are ignored.</summary>
    public const int MaxSamples = 200;

    /// <summary>Compiles <paramref name="mappingText"/> (YAML or JSON) and maps each sample.</summary>
    /// <param name="mappingText">The mapping as the user typed it.</param>
    /// <param name="sourceName">A name for errors; its extension (.yaml or .json) picks the format, otherwise it is sniffed.</param>
    /// <param name="samples">Sample source records.</param>
    public static MappingPreviewResult Run(string mappingText, string sourceName, IEnumerable<JsonObject> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        CompiledMapping mapping;
        try
        {
            mapping = MappingCompiler.Compile(mappingText ?? string.Empty, sourceName ?? "mapping");
        }
        catch (MappingDefinitionException ex)
        {
            return new MappingPreviewResult(ex.Errors, []);
        }

        var results = samples
            .Take(MaxSamples)
            .Select((sample, index) =>
            {
                var outcome = mapping.Map(sample);
                return new SamplePreview(index, outcome.Status, outcome.Entity, outcome.Errors);
            })
            .ToList();
        return new MappingPreviewResult([], results);
    }
}
