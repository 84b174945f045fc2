using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary><c>when</c> conditions: a path, a template, a comparison, or all/any/not of others.</summary>
internal sealed partial class DefinitionBuilder
{
    private static readonly Dictionary<string, ConditionKind> Operators = new(StringComparer.Ordinal)
    {
        ["equals"] = ConditionKind.Equals,
        ["not_equals"] = ConditionKind.NotEquals,
        ["in"] = ConditionKind.In,
        ["not_in"] = ConditionKind.NotIn,
        ["matches"] = ConditionKind.Matches,
        ["gt"] = ConditionKind.GreaterThan,
        ["gte"] = ConditionKind.GreaterOrEqual,
        ["lt"] = ConditionKind.LessThan,
        ["lte"] = ConditionKind.LessOrEqual,
        ["exists"] = ConditionKind.Present,
    };

    private ConditionDefinition Condition(DocumentNode node, string keyPath)
    {
        var location = Location(node, keyPath);
        if (node is ScalarNode { Type: ScalarType.Text } text)
        {
            var s = text.Text.Trim();
            if (s.Contains("{{", StringComparison.Ordinal))
            {
                return new ConditionDefinition { Kind = ConditionKind.Template, Template = s, Location = location };
            }

            var negated = s.StartsWith('!');
            return new ConditionDefinition { Kind = ConditionKind.Present, Path = negated ? s[1..].Trim() : s, Negated = negated, Location = location };
        }

        if (node is not MapNode map)
        {
            Error(node, keyPath, $"a condition is a path (properties.email), a template, or a mapping such as {{ path: state, equals: COMPLETED }}, not {node.Shape}");
            return new ConditionDefinition { Kind = ConditionKind.All, Location = location };
        }

        foreach (var (combinator, kind) in new[] { ("all", ConditionKind.All), ("any", ConditionKind.Any), ("not", ConditionKind.Not) })
        {
            if (map[combinator] is { } children)
            {
                CheckKeys(map, keyPath, [combinator], "a combined condition's keys");
                var list = kind == ConditionKind.Not ? [children] : children is SequenceNode s ? s.Items : [children];
                return new ConditionDefinition
                {
                    Kind = kind,
                    Children = [.. list.Select((c, i) => Condition(c, kind == ConditionKind.Not ? Join(keyPath, "not") : $"{keyPath}.{combinator}[{i}]"))],
                    Location = location,
                };
            }
        }

        return Comparison(map, keyPath, location);
    }

    private ConditionDefinition Comparison(MapNode map, string keyPath, SourceLocation location)
    {
        CheckKeys(map, keyPath, ["path", .. Operators.Keys], "a condition's keys (or all, any, not)");
        var path = Text(map, "path", keyPath);
        var operators = map.Entries.Where(e => Operators.ContainsKey(e.Key.Text)).ToList();
        if (path is null || operators.Count != 1)
        {
            Error(map, keyPath, $"a comparison needs a path and exactly one of {string.Join(", ", Operators.Keys)}");
            return new ConditionDefinition { Kind = ConditionKind.All, Location = location };
        }

        var (key, operand) = operators[0];
        var kind = Operators[key.Text];
        if (kind == ConditionKind.Present)
        {
            return new ConditionDefinition { Kind = kind, Path = path, Negated = !Flag(operand, Join(keyPath, "exists")), Location = location };
        }

        if (kind is ConditionKind.In or ConditionKind.NotIn && operand is not SequenceNode)
        {
            Error(operand, Join(keyPath, key.Text), $"{key.Text} needs a list of values, such as [COMPLETED, OPEN]");
        }

        var operands = operand is SequenceNode values ? values.Items.Select(v => v.ToJson()).ToList() : [operand.ToJson()];
        return new ConditionDefinition { Kind = kind, Path = path, Operands = operands, Location = location };
    }
}
