namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>
/// One entry under <c>fields</c>: an output path (<c>traits.email</c>, or <c>identifiers[]</c> for a list) and either a
/// value rule or the list's items.
/// </summary>
public sealed record FieldDefinition
{
    /// <summary>The output path as written; a list ends with <c>[]</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The value rule, for a plain field.</summary>
    public ValueRuleDefinition? Value { get; init; }

    /// <summary>The item definitions, for a list field (target ending with <c>[]</c>).</summary>
    public IReadOnlyList<ListItemDefinition>? Items { get; init; }

    /// <summary>Where it is written.</summary>
    public required SourceLocation Location { get; init; }
}
