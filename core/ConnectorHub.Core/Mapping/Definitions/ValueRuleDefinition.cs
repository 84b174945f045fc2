using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>How one output value is made: a source, a default, a condition, normalizers and a type.</summary>
public sealed record ValueRuleDefinition
{
    /// <summary>Where the value comes from.</summary>
    public required ValueSourceKind Kind { get; init; }

    /// <summary>The source path, for <see cref="ValueSourceKind.Path"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The fixed value, for <see cref="ValueSourceKind.Constant"/>.</summary>
    public JsonNode? Constant { get; init; }

    /// <summary>The Scriban template, for <see cref="ValueSourceKind.Template"/>.</summary>
    public string? Template { get; init; }

    /// <summary>Used when the source has no value; it goes through the normalizers and type like a source value.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>The rule applies only when this holds; otherwise the field is left out.</summary>
    public ConditionDefinition? When { get; init; }

    /// <summary>The type the value is coerced to, after the normalizers.</summary>
    public TargetType? Type { get; init; }

    /// <summary>The normalizer chain, applied in order.</summary>
    public IReadOnlyList<NormalizerCall> Normalizers { get; init; } = [];

    /// <summary>Whether a missing value rejects the record (otherwise the field is left out).</summary>
    public bool Required { get; init; }

    /// <summary>What a normalizer or coercion failure does.</summary>
    public FailureAction OnError { get; init; } = FailureAction.Reject;

    /// <summary>Where the rule is written.</summary>
    public required SourceLocation Location { get; init; }
}
