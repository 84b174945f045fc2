using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>A <c>when</c> condition: on a record (skip it) or on a rule (leave the field out).</summary>
public sealed record ConditionDefinition
{
    /// <summary>What is tested.</summary>
    public required ConditionKind Kind { get; init; }

    /// <summary>The source path tested (all kinds but Template, All, Any, Not).</summary>
    public string? Path { get; init; }

    /// <summary>For <see cref="ConditionKind.Present"/>: true to test absence instead (<c>!path</c>).</summary>
    public bool Negated { get; init; }

    /// <summary>The template, for <see cref="ConditionKind.Template"/>.</summary>
    public string? Template { get; init; }

    /// <summary>The operands: one for comparisons, several for In and NotIn, the pattern text for Matches.</summary>
    public IReadOnlyList<JsonNode?> Operands { get; init; } = [];

    /// <summary>The child conditions of All, Any and Not.</summary>
    public IReadOnlyList<ConditionDefinition> Children { get; init; } = [];

    /// <summary>Where it is written.</summary>
    public required SourceLocation Location { get; init; }
}
