using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>Value rules, normalizer chains and list items.</summary>
internal sealed partial class DefinitionBuilder
{
    private static readonly string[] RuleKeys = ["from", "const", "template", "default", "when", "type", "normalize", "required", "on_error"];
    private static readonly string[] SourceKeys = ["from", "const", "template"];

    private ValueRuleDefinition ValueRule(DocumentNode node, string keyPath, SourceLocation location)
    {
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Text } text:
                return text.Text.Contains("{{", StringComparison.Ordinal)
                    ? new ValueRuleDefinition { Kind = ValueSourceKind.Template, Template = text.Text, Location = location }
                    : new ValueRuleDefinition { Kind = ValueSourceKind.Path, Path = text.Text, Location = location };
            case ScalarNode { Type: ScalarType.Number or ScalarType.Boolean } constant:
                return new ValueRuleDefinition { Kind = ValueSourceKind.Constant, Constant = constant.ToJson(), Location = location };
            case MapNode map:
                return RuleFromMap(map, keyPath, location);
            default:
                Error(node, keyPath, $"a rule must be a source path, a template, or a mapping with from, const or template, not {node.Shape}");
                return new ValueRuleDefinition { Kind = ValueSourceKind.Constant, Location = location };
        }
    }

    private ValueRuleDefinition RuleFromMap(MapNode map, string keyPath, SourceLocation location, params string[] alsoAllowed)
    {
        CheckKeys(map, keyPath, [.. RuleKeys, .. alsoAllowed], "a rule's keys (write nested output fields as dotted paths such as traits.first_name)");
        var sources = SourceKeys.Where(map.Has).ToList();
        if (sources.Count != 1)
        {
            Error(map, keyPath, sources.Count == 0
                ? "the rule needs one of from (a source path), const (a fixed value) or template (a Scriban template)"
                : $"the rule has {string.Join(" and ", sources)}; give only one of from, const or template");
        }

        var kind = sources.FirstOrDefault() switch
        {
            "const" => ValueSourceKind.Constant,
            "template" => ValueSourceKind.Template,
            _ => ValueSourceKind.Path,
        };

        return new ValueRuleDefinition
        {
            Kind = kind,
            Path = kind == ValueSourceKind.Path ? Text(map, "from", keyPath) : null,
            Constant = kind == ValueSourceKind.Constant ? map["const"]?.ToJson() : null,
            Template = kind == ValueSourceKind.Template ? Text(map, "template", keyPath) : null,
            Default = map["default"]?.ToJson(),
            When = map["when"] is { } when ? Condition(when, Join(keyPath, "when")) : null,
            Type = map["type"] is { } type ? Type(type, Join(keyPath, "type")) : null,
            Normalizers = map["normalize"] is { } normalize ? Normalizers(normalize, Join(keyPath, "normalize")) : [],
            Required = map["required"] is { } required && Flag(required, Join(keyPath, "required")),
            OnError = map["on_error"] is { } onError ? OnError(onError, Join(keyPath, "on_error")) : FailureAction.Reject,
            Location = location,
        };
    }

    private List<NormalizerCall> Normalizers(DocumentNode node, string keyPath)
    {
        var calls = new List<NormalizerCall>();
        var items = node is SequenceNode sequence ? sequence.Items : [node];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = node is SequenceNode ? $"{keyPath}[{i}]" : keyPath;
            switch (items[i])
            {
                case ScalarNode { Type: ScalarType.Text } name:
                    calls.Add(new NormalizerCall(name.Text.Trim(), new Dictionary<string, string>(), Location(name, itemPath)));
                    break;
                case MapNode { Entries.Count: 1 } withArguments:
                    var (key, value) = withArguments.Entries[0];
                    calls.Add(new NormalizerCall(key.Text, Arguments(value, Join(itemPath, key.Text)), Location(key, itemPath)));
                    break;
                default:
                    Error(items[i], itemPath, "a normalizer is a name (email) or a name with arguments ({ phone: { region: GB } } or { phone: GB })");
                    break;
            }
        }

        return calls;
    }

    private Dictionary<string, string> Arguments(DocumentNode node, string keyPath)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is ScalarNode scalar)
        {
            arguments[string.Empty] = scalar.Text;
        }
        else if (node is MapNode map)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (value is ScalarNode argument)
                {
                    arguments[key.Text] = argument.Text;
                }
                else
                {
                    Error(value, Join(keyPath, key.Text), $"the argument '{key.Text}' must be a single value, not {value.Shape}");
                }
            }
        }
        else
        {
            Error(node, keyPath, $"normalizer arguments must be a value or a mapping, not {node.Shape}");
        }

        return arguments;
    }

    private TargetType? Type(DocumentNode node, string keyPath)
    {
        var text = node is ScalarNode scalar ? scalar.Text.Trim().ToLowerInvariant() : string.Empty;
        TargetType? type = text switch
        {
            "string" => TargetType.Text,
            "number" => TargetType.Number,
            "integer" => TargetType.WholeNumber,
            "boolean" => TargetType.Boolean,
            "date" => TargetType.Date,
            "date-time" or "datetime" => TargetType.DateTime,
            _ => null,
        };
        if (type is null)
        {
            Error(node, keyPath, $"unknown type '{text}'; use string, number, integer, boolean, date or date-time");
        }

        return type;
    }

    private bool Flag(DocumentNode node, string keyPath)
    {
        if (node is ScalarNode { Type: ScalarType.Boolean } flag)
        {
            return flag.Text == "true";
        }

        Error(node, keyPath, $"must be true or false, not {node.Shape}");
        return false;
    }

    private FailureAction OnError(DocumentNode node, string keyPath)
    {
        switch (node is ScalarNode scalar ? scalar.Text : string.Empty)
        {
            case "reject":
                return FailureAction.Reject;
            case "skip":
                return FailureAction.Skip;
            default:
                Error(node, keyPath, "on_error must be reject (set the record aside) or skip (leave the field out)");
                return FailureAction.Reject;
        }
    }
}
