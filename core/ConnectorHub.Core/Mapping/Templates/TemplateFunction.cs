using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A function templates can call: its parameters (all optional, by position or by name) and what it does.</summary>
internal abstract class TemplateFunction(string name, IReadOnlyList<string> parameters, bool variadic = false) : IScriptCustomFunction
{
    public string Name { get; } = name;

    /// <summary>The parameter names, in order; a call may name them (<c>datetime seen zone: "Europe/Paris"</c>).</summary>
    public IReadOnlyList<string> Parameters { get; } = parameters;

    public int RequiredParameterCount => 0;

    public int ParameterCount => variadic ? 0 : Parameters.Count;

    public ScriptVarParamKind VarParamKind => variadic ? ScriptVarParamKind.Direct : ScriptVarParamKind.None;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        new(typeof(object), index < Parameters.Count ? Parameters[index] : $"value{index + 1}", null);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);

        // Named alone ({{ name }}), a function reads the field of its name: functions win over fields.
        return callerContext is ScriptVariable && context is RenderContext render
            ? render.Scope.TryGetField(Name, out var field) ? field : null
            : Call(callerContext, arguments);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>The call itself; throw <see cref="ScriptRuntimeException"/> with the caller's span to reject the record.</summary>
    protected abstract object? Call(ScriptNode? caller, ScriptArray arguments);
}
