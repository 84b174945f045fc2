using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Conditions;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping;

/// <summary>Compiling <c>when</c> conditions.</summary>
public sealed partial class MappingCompiler
{
    private Condition Condition(ConditionDefinition definition)
    {
        switch (definition.Kind)
        {
            case ConditionKind.All:
                return new AllCondition([.. definition.Children.Select(Condition)]);
            case ConditionKind.Any:
                return new AnyCondition([.. definition.Children.Select(Condition)]);
            case ConditionKind.Not:
                return new NotCondition(definition.Children.Count == 1 ? Condition(definition.Children[0]) : new AllCondition([]));
            case ConditionKind.Template:
                var template = Template(definition.Template ?? string.Empty, definition.Location);
                return template is null ? new AllCondition([]) : new TemplateCondition(template);
        }

        var path = Path(definition.Path ?? string.Empty, definition.Location);
        if (path is null)
        {
            return new AllCondition([]);
        }

        if (definition.Kind == ConditionKind.Present)
        {
            return new PresentCondition(path, definition.Negated);
        }

        Regex? pattern = null;
        if (definition.Kind == ConditionKind.Matches)
        {
            try
            {
                JsonScalar.TryGetText(definition.Operands.Count > 0 ? definition.Operands[0] : null, out var text);
                pattern = new Regex(text, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                Error(definition.Location, $"matches is not a valid regular expression: {ex.Message}");
                return new AllCondition([]);
            }
        }

        return new ComparisonCondition(path, definition.Kind, [.. definition.Operands], pattern);
    }
}
