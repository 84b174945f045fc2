using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Paths;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Conditions;

/// <summary>
/// Compares the path's value with operands: numbers numerically when the operand is a number, everything else as
/// exact text; a null operand matches a missing value.
/// </summary>
internal sealed class ComparisonCondition(SourcePath path, ConditionKind kind, JsonNode?[] operands, Regex? pattern) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current)
    {
        var value = path.Evaluate(root, current);
        return kind switch
        {
            ConditionKind.Equals or ConditionKind.In => operands.Any(o => AreEqual(value, o)),
            ConditionKind.NotEquals or ConditionKind.NotIn => !operands.Any(o => AreEqual(value, o)),
            ConditionKind.Matches => JsonScalar.TryGetText(value, out var text) && Matches(text),
            _ => Compare(value, operands[0]) is { } order && kind switch
            {
                ConditionKind.GreaterThan => order > 0,
                ConditionKind.GreaterOrEqual => order >= 0,
                ConditionKind.LessThan => order < 0,
                _ => order <= 0,
            },
        };
    }

    private bool Matches(string text)
    {
        try
        {
            return pattern!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool AreEqual(JsonNode? value, JsonNode? operand)
    {
        if (operand is null)
        {
            return JsonScalar.IsMissing(value);
        }

        if (operand is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            return JsonScalar.TryGetDecimal(value, out var left) && JsonScalar.TryGetDecimal(operand, out var right) && left == right;
        }

        return JsonScalar.TryGetText(value, out var a) && JsonScalar.TryGetText(operand, out var b) && string.Equals(a, b, StringComparison.Ordinal);
    }

    private static int? Compare(JsonNode? value, JsonNode? operand) =>
        JsonScalar.TryGetDecimal(value, out var left) && JsonScalar.TryGetDecimal(operand, out var right) ? left.CompareTo(right) : null;
}
