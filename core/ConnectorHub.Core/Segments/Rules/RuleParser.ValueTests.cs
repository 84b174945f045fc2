using System.Text.Json;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Segments.Rules;

/// <summary>Value tests: an operator with its operands (<c>value</c>, <c>values</c> or <c>days</c>).</summary>
public static partial class RuleParser
{
    private static readonly Dictionary<string, ValueOperator> Operators = Enum.GetValues<ValueOperator>()
        .ToDictionary(o => JsonNamingPolicy.CamelCase.ConvertName(o.ToString()), StringComparer.Ordinal);

    private static ValueTest? Test(JsonElement json, string path, ValidationErrors errors)
    {
        if (!json.TryGetProperty("op", out var opJson) || opJson.ValueKind != JsonValueKind.String || !Operators.TryGetValue(opJson.GetString()!, out var op))
        {
            errors.Add(path + ".op", $"Expected an operator: {string.Join(", ", Operators.Keys)}.");
            return null;
        }

        var hasValue = json.TryGetProperty("value", out var value);
        var hasValues = json.TryGetProperty("values", out var values);
        var hasDays = json.TryGetProperty("days", out var days);
        string? Unexpected(bool wantValue, bool wantValues, bool wantDays) =>
            (hasValue != wantValue ? "value" : null) ?? (hasValues != wantValues ? "values" : null) ?? (hasDays != wantDays ? "days" : null);

        var (wantsValue, wantsValues, wantsDays) = op switch
        {
            ValueOperator.Exists => (false, false, false),
            ValueOperator.Between or ValueOperator.In => (false, true, false),
            ValueOperator.WithinLast => (false, false, true),
            _ => (true, false, false),
        };
        if (Unexpected(wantsValue, wantsValues, wantsDays) is { } wrong)
        {
            var wanted = wantsValue ? "\"value\"" : wantsValues ? "\"values\" (an array)" : wantsDays ? "\"days\"" : "no operand";
            errors.Add($"{path}.{wrong}", $"The operator {opJson.GetString()} takes {wanted}.");
            return null;
        }

        if (op == ValueOperator.WithinLast)
        {
            return Days(days, path + ".days", errors) is { } n ? new ValueTest(op, [], n) : null;
        }

        JsonElement[] operands = wantsValue ? [value.Clone()] : wantsValues && values.ValueKind == JsonValueKind.Array ? values.EnumerateArray().Select(v => v.Clone()).ToArray() : [];
        var operandPath = path + (wantsValue ? ".value" : ".values");
        var problem = op switch
        {
            _ when wantsValues && values.ValueKind != JsonValueKind.Array => "Expected an array.",
            ValueOperator.Between when operands.Length != 2 || operands.Any(o => o.ValueKind != JsonValueKind.Number) => "Expected two numbers: [low, high], both included.",
            ValueOperator.Between when operands[0].GetDecimal() > operands[1].GetDecimal() => "The low bound is greater than the high bound; nothing could match.",
            ValueOperator.In when operands.Length is 0 or > 1000 => "Expected between 1 and 1000 values.",
            ValueOperator.GreaterThan or ValueOperator.LessThan when operands[0].ValueKind != JsonValueKind.Number => "Expected a number.",
            ValueOperator.Before or ValueOperator.After when Date(operands[0], operandPath, new ValidationErrors()) is null => "Expected an ISO 8601 date and time, such as 2026-01-31T00:00:00Z.",
            _ when operands.Any(o => o.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null) => "Expected text, a number or true/false.",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(operandPath, problem);
            return null;
        }

        return new ValueTest(op, operands);
    }
}
