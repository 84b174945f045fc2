using Scriban;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// Checks a parsed template against what exists before any record is mapped: every function called is a mapping
/// function, one of Scriban's built-ins or one the template defines; every named argument is one the function takes.
/// </summary>
internal sealed class TemplateCheck : ScriptVisitor
{
    private readonly TemplateEngine _engine;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private string? _problem;

    private TemplateCheck(TemplateEngine engine) => _engine = engine;

    public static string? FirstProblem(Template template, TemplateEngine engine)
    {
        var definitions = new Definitions();
        definitions.Visit(template.Page);
        var check = new TemplateCheck(engine);
        check._defined.UnionWith(definitions.Names);
        check.Visit(template.Page);
        return check._problem;
    }

    public override void Visit(ScriptFunctionCall node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Target is ScriptVariableGlobal target)
        {
            CheckExists(target);
            if (_engine.Functions.TryGetValue(target.Name, out var function))
            {
                foreach (var argument in node.Arguments.OfType<ScriptNamedArgument>())
                {
                    var name = argument.Name?.Name;
                    if (name is not null && !function.Parameters.Skip(1).Contains(name, StringComparer.Ordinal))
                    {
                        Report(argument, $"'{function.Name}' has no argument '{name}'; " + (function.Parameters.Count > 1
                            ? $"it takes {string.Join(", ", function.Parameters.Skip(1))}"
                            : "it takes no named arguments"));
                    }
                }
            }
        }

        base.Visit(node);
    }

    public override void Visit(ScriptPipeCall node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.To is ScriptVariableGlobal target)
        {
            CheckExists(target);
        }

        base.Visit(node);
    }

    private void CheckExists(ScriptVariableGlobal target)
    {
        if (!_engine.BuiltinNames.Contains(target.Name) && !_defined.Contains(target.Name))
        {
            Report(target, $"there is no function '{target.Name}'; the mapping functions are {string.Join(", ", _engine.Functions.Keys)}, "
                + "beside Scriban's built-ins (string, array, math, ...)");
        }
    }

    private void Report(ScriptNode node, string message) =>
        _problem ??= $"{message} (at {TemplatePosition.Of(node.Span)})";

    /// <summary>The names a template gives values or functions itself (<c>x = ...</c>, <c>func f</c>).</summary>
    private sealed class Definitions : ScriptVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override void Visit(ScriptAssignExpression node)
        {
            ArgumentNullException.ThrowIfNull(node);
            if (node.Target is ScriptVariableGlobal variable)
            {
                Names.Add(variable.Name);
            }

            base.Visit(node);
        }

        public override void Visit(ScriptFunction node)
        {
            ArgumentNullException.ThrowIfNull(node);
            if (node.NameOrDoToken is ScriptVariableGlobal variable)
            {
                Names.Add(variable.Name);
            }

            base.Visit(node);
        }
    }
}
