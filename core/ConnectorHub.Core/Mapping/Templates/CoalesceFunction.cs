using Scriban.Runtime;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary><c>{{ coalesce properties.nickname properties.firstname }}</c>: the first value that is present (not missing or blank).</summary>
internal sealed class CoalesceFunction() : TemplateFunction("coalesce", [], variadic: true)
{
    protected override object? Call(ScriptNode? caller, ScriptArray arguments) =>
        arguments.FirstOrDefault(argument => !TemplateValues.IsMissing(argument));
}
