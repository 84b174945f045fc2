using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Paths;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>A plain field: one value rule written to one output path.</summary>
internal sealed class ValueFieldRule(TargetPath target, string ruleName, SourceLocation location, ValueRule rule)
    : FieldRule(target, ruleName, location)
{
    public override bool ReadsSource => rule.ReadsSource;

    public override bool Apply(JsonNode root, JsonNode? current, JsonObject output, ref List<MappingError>? errors, string? itemPrefix)
    {
        var result = rule.Evaluate(root, current);
        switch (result.Status)
        {
            case RuleStatus.Value:
                Target.Write(output, result.Value);
                return rule.ReadsSource;
            case RuleStatus.Failed:
                AddError(ref errors, FieldName(itemPrefix), result.Error!);
                return false;
            default:
                return false;
        }
    }
}
