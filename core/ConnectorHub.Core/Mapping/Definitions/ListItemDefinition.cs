namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>
/// How a list field gets items: one item, or one per element of a source array (<c>each</c>). An object item has
/// <see cref="Fields"/>; a scalar item has <see cref="Value"/>.
/// </summary>
public sealed record ListItemDefinition
{
    /// <summary>A source array path: one item per element, with paths inside the item relative to the element.</summary>
    public string? Each { get; init; }

    /// <summary>The item (or, with <see cref="Each"/>, each element's item) is added only when this holds.</summary>
    public ConditionDefinition? When { get; init; }

    /// <summary>The item's fields, for an object item.</summary>
    public IReadOnlyList<FieldDefinition>? Fields { get; init; }

    /// <summary>The item's value, for a scalar item.</summary>
    public ValueRuleDefinition? Value { get; init; }

    /// <summary>Where it is written.</summary>
    public required SourceLocation Location { get; init; }
}
