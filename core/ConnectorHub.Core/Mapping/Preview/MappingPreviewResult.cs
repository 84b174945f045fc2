using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Preview;

/// <summary>The mapping editor's preview: problems in the mapping text, or the result for each sample.</summary>
/// <param name="DefinitionErrors">Problems in the mapping itself, each with its line and key; when any, no sample ran.</param>
/// <param name="Samples">The result per sample, in order.</param>
public sealed record MappingPreviewResult(IReadOnlyList<MappingDefinitionError> DefinitionErrors, IReadOnlyList<SamplePreview> Samples)
{
    /// <summary>Whether the mapping compiled.</summary>
    public bool IsValid => DefinitionErrors.Count == 0;
}
