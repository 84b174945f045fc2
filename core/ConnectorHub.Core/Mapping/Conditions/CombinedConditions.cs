using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Conditions;

/// <summary>Every child holds.</summary>
internal sealed class AllCondition(Condition[] children) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current) => children.All(c => c.Holds(root, current));
}

/// <summary>At least one child holds.</summary>
internal sealed class AnyCondition(Condition[] children) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current) => children.Any(c => c.Holds(root, current));
}

/// <summary>The child does not hold.</summary>
internal sealed class NotCondition(Condition child) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current) => !child.Holds(root, current);
}
