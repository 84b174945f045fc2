using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// The variables of one render: the template's own (assignments, loop variables), then the fields of the record (or,
/// inside <c>each</c>, of the element). A name that is a function or one of Scriban's built-in objects is not looked
/// up here, so <c>name</c> is always the function, whatever the record holds; <c>this.name</c> reads the field.
/// </summary>
internal sealed class RecordScope(JsonNode? current, ScriptObject builtins) : IScriptObject
{
    private Dictionary<string, object?>? _variables;

    public JsonObject? Fields { get; } = current as JsonObject;

    public int Count => (Fields?.Count ?? 0) + (_variables?.Count ?? 0);

    public bool IsReadOnly
    {
        get => false;
        set { }
    }

    public IEnumerable<string> GetMembers() =>
        (_variables?.Keys ?? Enumerable.Empty<string>()).Concat(Fields?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);

    public bool Contains(string member) => (_variables?.ContainsKey(member) ?? false) || (!builtins.Contains(member) && HasField(member));

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (_variables is not null && _variables.TryGetValue(member, out value))
        {
            return true;
        }

        if (builtins.Contains(member))
        {
            value = null;
            return false;
        }

        return TryGetField(member, out value);
    }

    /// <summary>The field <paramref name="member"/> of the record, whatever the name.</summary>
    public bool TryGetField(string member, out object? value)
    {
        if (Fields is not null && Fields.TryGetPropertyValue(member, out var node))
        {
            value = TemplateValues.FromJson(node);
            return true;
        }

        value = null;
        return false;
    }

    public bool CanWrite(string member) => true;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly)
    {
        (_variables ??= new(StringComparer.Ordinal))[member] = value;
        return true;
    }

    public bool Remove(string member) => _variables?.Remove(member) ?? false;

    public void SetReadOnly(string member, bool readOnly)
    {
    }

    public IScriptObject Clone(bool deep) => this;

    private bool HasField(string member) => Fields?.ContainsKey(member) ?? false;
}
