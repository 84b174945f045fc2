using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>What a value rule produced for one record.</summary>
internal enum RuleStatus
{
    /// <summary>A value to write.</summary>
    Value,

    /// <summary>No value; the field is left out.</summary>
    Missing,

    /// <summary>The rule's <c>when</c> did not hold.</summary>
    Skipped,

    /// <summary>The record must be rejected (see the error).</summary>
    Failed,
}

/// <summary>A value rule's result.</summary>
internal readonly record struct RuleResult(RuleStatus Status, JsonNode? Value, string? Error)
{
    public static RuleResult Missing => new(RuleStatus.Missing, null, null);

    public static RuleResult Skipped => new(RuleStatus.Skipped, null, null);

    public static RuleResult Of(JsonNode value) => new(RuleStatus.Value, value, null);

    public static RuleResult Fail(string error) => new(RuleStatus.Failed, null, error);
}
