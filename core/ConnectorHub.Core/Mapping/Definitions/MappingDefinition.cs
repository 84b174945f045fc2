namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>A declarative mapping of one source stream onto one canonical entity, as read from YAML or JSON.</summary>
public sealed record MappingDefinition
{
    /// <summary>The file (or label) the mapping came from, used in every error message.</summary>
    public required string SourceName { get; init; }

    /// <summary>The canonical entity name as written: profile_fragment, event, order, ad_performance or account.</summary>
    public required string Entity { get; init; }

    /// <summary>What the mapping is for, shown in the dashboard.</summary>
    public string? Description { get; init; }

    /// <summary>Records for which this does not hold are skipped (not rejected).</summary>
    public ConditionDefinition? When { get; init; }

    /// <summary>Normalizer defaults.</summary>
    public MappingSettings Settings { get; init; } = new();

    /// <summary>The field rules, in output order.</summary>
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }

    /// <summary>Where the entity is named (for errors about it).</summary>
    public required SourceLocation Location { get; init; }
}
