using System.Globalization;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Runtime;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// Scriban's sandbox for mapping templates, reused render after render on one thread at a time: no template loader
/// (so no <c>include</c>), no .NET members reachable by reflection, and the loop, recursion, output and time limits
/// of <see cref="TemplateLimits"/> on every render.
/// </summary>
internal sealed class RenderContext : TemplateContext, IDisposable
{
    private readonly TemplateLimits _limits;
    private CancellationTokenSource _deadline = new();

    public RenderContext(ScriptObject builtins, TemplateLimits limits)
        : base(builtins, StringComparer.Ordinal)
    {
        _limits = limits;
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = limits.RecursionLimit;
        OutputLimit = limits.OutputLimit;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        OnStringLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = limits.RegexTimeLimit;
        TemplateLoader = null;
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        EnableRelaxedTargetAccess = true;
        EnableRelaxedIndexerAccess = true;
        EnableNullIndexer = true;
        NewLine = "\n";
        PushCulture(CultureInfo.InvariantCulture);

        // Records reach templates as JSON views only; no other .NET object's members are exposed.
        MemberFilter = _ => false;
    }

    /// <summary>The variables of the render in progress.</summary>
    public RecordScope Scope { get; private set; } = null!;

    /// <summary>Renders <paramref name="template"/> against <paramref name="current"/>; throws Scriban's errors.</summary>
    public string Render(Template template, JsonNode? current)
    {
        Reset();
        PushCulture(CultureInfo.InvariantCulture);
        Scope = new RecordScope(current, BuiltinObject);
        PushGlobal(Scope);
        _deadline.CancelAfter(_limits.RenderTimeLimit);
        CancellationToken = _deadline.Token;
        try
        {
            return template.Render(this);
        }
        finally
        {
            if (!_deadline.TryReset())
            {
                _deadline.Dispose();
                _deadline = new CancellationTokenSource();
            }

            Scope = null!;
        }
    }

    public void Dispose() => _deadline.Dispose();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        target is RecordScope ? RecordFieldAccessor.Instance : base.GetMemberAccessorImpl(target);
}
