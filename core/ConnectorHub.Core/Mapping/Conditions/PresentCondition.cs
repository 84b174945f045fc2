using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Paths;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Conditions;

/// <summary>The path has a value that is not blank and not false (or, negated, it has none).</summary>
internal sealed class PresentCondition(SourcePath path, bool negated) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current)
    {
        var value = path.Evaluate(root, current);
        var present = !JsonScalar.IsMissing(value) && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.False);
        return present != negated;
    }
}
