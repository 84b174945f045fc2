using Scriban.Runtime;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary><c>{{ if eq kind "lead" }}</c>: whether two values are the same text (a missing value equals only a missing value).</summary>
internal sealed class EqFunction() : TemplateFunction("eq", ["left", "right"])
{
    protected override object? Call(ScriptNode? caller, ScriptArray arguments) =>
        string.Equals(Text(arguments, 0), Text(arguments, 1), StringComparison.Ordinal);

    private static string? Text(ScriptArray arguments, int index) =>
        index < arguments.Count && !TemplateValues.IsMissing(arguments[index]) ? TemplateValues.Text(arguments[index]) : null;
}
