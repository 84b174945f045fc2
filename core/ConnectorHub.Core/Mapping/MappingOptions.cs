namespace ConnectorHub.Core.Mapping;

/// <summary>How <see cref="CompiledMapping.Map(System.Text.Json.Nodes.JsonObject, MappingOptions)"/> runs.</summary>
public sealed record MappingOptions
{
    /// <summary>The defaults: output validated against the canonical schema.</summary>
    public static MappingOptions Default { get; } = new();

    /// <summary>
    /// Whether to validate each entity against the canonical JSON Schema (on by default). Turn off only where the
    /// entity is validated again downstream, or to measure the mapping alone.
    /// </summary>
    public bool ValidateAgainstSchema { get; init; } = true;
}
