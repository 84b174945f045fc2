using System.Collections.Concurrent;
using ConnectorHub.Core.Mapping.Normalizers;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// The Scriban templates of one compiled mapping: parsed and checked once when the mapping loads, rendered per record
/// in a sandboxed context taken from a small pool (a context serves one render at a time, so mapping stays thread-safe).
/// </summary>
internal sealed class TemplateEngine
{
    /// <summary>Scriban's built-ins that reach outside the template: there is no template loader to include from.</summary>
    private static readonly string[] Withheld = ["include", "include_join"];

    private readonly IReadOnlyDictionary<string, TemplateFunction> _functions;
    private readonly ConcurrentBag<RenderContext> _contexts = [];

    public TemplateEngine(NormalizerDefaults defaults, TemplateLimits limits)
    {
        Limits = limits;
        var functions = NormalizerCatalog.Names.Select(name => (TemplateFunction)new NormalizerFunction(name, defaults)).ToList();
        functions.Add(new CoalesceFunction());
        functions.Add(new EqFunction());
        _functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        BuiltinNames = NewBuiltins().GetMembers().ToHashSet(StringComparer.Ordinal);
    }

    public TemplateLimits Limits { get; }

    /// <summary>Every name a template can call: the mapping functions and Scriban's built-in objects.</summary>
    public IReadOnlySet<string> BuiltinNames { get; }

    public IReadOnlyDictionary<string, TemplateFunction> Functions => _functions;

    /// <summary>Parses and checks a template; a syntax error, an unknown function or argument is reported here, not per record.</summary>
    public bool TryCompile(string text, out CompiledTemplate template, out string error)
    {
        template = null!;
        var parsed = Template.Parse(text, parserOptions: new ParserOptions { ExpressionDepthLimit = Limits.ExpressionDepthLimit });
        if (parsed.HasErrors)
        {
            var first = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
            error = $"the template does not parse at {TemplatePosition.Of(first.Span)}: {first.Message}";
            return false;
        }

        if (TemplateCheck.FirstProblem(parsed, this) is { } problem)
        {
            error = problem;
            return false;
        }

        error = string.Empty;
        template = new CompiledTemplate(text, parsed, this);
        return true;
    }

    public RenderContext Rent() => _contexts.TryTake(out var context) ? context : new RenderContext(NewBuiltins(), Limits);

    public void Return(RenderContext context) => _contexts.Add(context);

    /// <summary>Scriban's built-in objects (string, array, math, ...) less the withheld ones, plus the mapping functions, which win over Scriban's <c>date</c>.</summary>
    private ScriptObject NewBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var name in Withheld)
        {
            builtins.Remove(name);
        }

        foreach (var function in _functions.Values)
        {
            builtins.Remove(function.Name);
            builtins.SetValue(function.Name, function, readOnly: true);
        }

        return builtins;
    }
}
