using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Paths;
using ConnectorHub.Core.Mapping.Rules;

namespace ConnectorHub.Core.Mapping;

/// <summary>Compiling fields, list items and value rules.</summary>
public sealed partial class MappingCompiler
{
    private FieldRule[] Fields(IReadOnlyList<FieldDefinition> definitions, IReadOnlyList<string> prefix, RuleIndex index)
    {
        var rules = new List<FieldRule>();
        var targets = new List<(string Field, SourceLocation Location)>();
        foreach (var definition in definitions)
        {
            if (!TargetPath.TryParse(definition.Target, out var target, out var error))
            {
                Error(definition.Location, error);
                continue;
            }

            CheckConflicts(targets, target.Field, definition.Location);
            if (_schema?.Check(prefix, target.Segments, target.IsList) is { } schemaError)
            {
                Error(definition.Location, schemaError);
            }

            var name = RuleName(definition.Location);
            var key = string.Join('.', prefix.Concat(target.Segments)).Replace(".[]", "[]", StringComparison.Ordinal);
            index.Add(key, name, definition.Location);
            if (target.IsList != definition.Items is not null)
            {
                Error(definition.Location, target.IsList
                    ? "a list target (ending in []) needs items"
                    : "only a target ending in [] can have list items");
                continue;
            }

            if (definition.Items is { } items)
            {
                var itemPrefix = prefix.Concat(target.Segments).Append("[]").ToList();
                var compiled = items.Select(i => Item(i, itemPrefix, index)).ToArray();
                rules.Add(new ListFieldRule(target, name, definition.Location, compiled));
            }
            else if (definition.Value is { } value)
            {
                rules.Add(new ValueFieldRule(target, name, definition.Location, ValueRule(value)));
            }
        }

        return [.. rules];
    }

    private void CheckConflicts(List<(string Field, SourceLocation Location)> targets, string field, SourceLocation location)
    {
        foreach (var (other, otherLocation) in targets)
        {
            if (other == field)
            {
                Error(location, $"the output field '{field}' is already set by the rule at line {otherLocation.Line}; keep one rule per field");
            }
            else if (other.StartsWith(field + ".", StringComparison.Ordinal) || field.StartsWith(other + ".", StringComparison.Ordinal))
            {
                Error(location, $"the output field '{field}' overlaps '{other}' (line {otherLocation.Line}): set an object or its fields, not both");
            }
        }

        targets.Add((field, location));
    }

    private ListItemRule Item(ListItemDefinition definition, IReadOnlyList<string> prefix, RuleIndex index)
    {
        if ((definition.Fields is null) == (definition.Value is null))
        {
            Error(definition.Location, "a list item needs either fields (an object item) or item (a single value), not both or neither");
        }

        return new ListItemRule
        {
            Each = definition.Each is null ? null : Path(definition.Each, definition.Location with { Key = definition.Location.Key + ".each" }),
            When = definition.When is null ? null : Condition(definition.When),
            Fields = definition.Fields is null ? null : Fields(definition.Fields, prefix, index),
            Value = definition.Value is null ? null : ValueRule(definition.Value),
        };
    }

    private ValueRule ValueRule(ValueRuleDefinition definition)
    {
        var steps = new List<INormalizer>();
        foreach (var call in definition.Normalizers)
        {
            try
            {
                steps.Add(NormalizerCatalog.Create(call.Name, call.Arguments, _defaults));
            }
            catch (ArgumentException ex)
            {
                Error(call.Location, ex.Message);
            }
        }

        if (definition.Type is { } type)
        {
            steps.Add(new TypeCoercion(type, _defaults));
        }

        if (definition.Kind == ValueSourceKind.Path && string.IsNullOrWhiteSpace(definition.Path))
        {
            Error(definition.Location, "the rule's source path is empty");
        }

        return new ValueRule
        {
            Path = definition.Kind == ValueSourceKind.Path && !string.IsNullOrWhiteSpace(definition.Path) ? Path(definition.Path, definition.Location) : null,
            Constant = definition.Kind == ValueSourceKind.Constant ? definition.Constant : null,
            Template = definition.Kind == ValueSourceKind.Template ? Template(definition.Template ?? string.Empty, definition.Location) : null,
            Default = definition.Default,
            When = definition.When is null ? null : Condition(definition.When),
            Steps = [.. steps],
            Required = definition.Required,
            OnError = definition.OnError,
        };
    }

    private SourcePath? Path(string text, SourceLocation location)
    {
        if (SourcePath.TryParse(text, out var path, out var error))
        {
            return path;
        }

        Error(location, error);
        return null;
    }

    private Templates.CompiledTemplate? Template(string text, SourceLocation location)
    {
        if (_templates.TryCompile(text, out var template, out var error))
        {
            return template;
        }

        Error(location, error);
        return null;
    }
}
