using System.Collections.Concurrent;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Values;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// A normalizer as a template function: <c>{{ email properties.email }}</c>, <c>{{ properties.mobile | phone "GB" }}</c>,
/// <c>{{ datetime seen zone: "Europe/Paris" }}</c>. A missing value gives nothing; a value it cannot normalize
/// rejects the record with the normalizer's message.
/// </summary>
internal sealed class NormalizerFunction(string name, NormalizerDefaults defaults)
    : TemplateFunction(name, ["value", .. NormalizerCatalog.ArgumentsOf(name)])
{
    private readonly INormalizer _default = NormalizerCatalog.Create(name, new Dictionary<string, string>(), defaults);
    private readonly ConcurrentDictionary<string, INormalizer> _withArguments = new(StringComparer.Ordinal);

    protected override object? Call(ScriptNode? caller, ScriptArray arguments)
    {
        var value = TemplateValues.ToJson(arguments.Count > 0 ? arguments[0] : null);
        if (JsonScalar.IsMissing(value))
        {
            return null;
        }

        var span = caller?.Span ?? default;
        var result = Normalizer(arguments, span).Normalize(value!);
        return result.Failed ? throw new ScriptRuntimeException(span, result.Error!) : TemplateValues.FromJson(result.Value);
    }

    private INormalizer Normalizer(ScriptArray arguments, SourceSpan span)
    {
        Dictionary<string, string>? named = null;
        for (var i = 1; i < arguments.Count && i < Parameters.Count; i++)
        {
            if (TemplateValues.Text(arguments[i]) is { } text)
            {
                (named ??= new(StringComparer.Ordinal))[Parameters[i]] = text;
            }
        }

        if (named is null)
        {
            return _default;
        }

        var key = string.Join('\u001f', named.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        try
        {
            return _withArguments.GetOrAdd(key, _ => NormalizerCatalog.Create(Name, named, defaults));
        }
        catch (ArgumentException ex)
        {
            throw new ScriptRuntimeException(span, ex.Message);
        }
    }
}
