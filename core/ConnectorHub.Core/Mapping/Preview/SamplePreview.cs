using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Preview;

/// <summary>What the mapping made of one sample record.</summary>
/// <param name="Index">The sample's position (0-based).</param>
/// <param name="Status">Mapped, skipped or rejected.</param>
/// <param name="Output">The canonical entity, when mapped.</param>
/// <param name="Errors">Why it was rejected; empty otherwise.</param>
public sealed record SamplePreview(int Index, MappingStatus Status, JsonObject? Output, IReadOnlyList<MappingError> Errors);
