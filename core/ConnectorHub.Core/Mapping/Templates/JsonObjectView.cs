using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A JSON object as templates read it (<c>properties.email</c>): read-only, values converted on access.</summary>
internal sealed class JsonObjectView(JsonObject node) : IScriptObject
{
    public JsonObject Node { get; } = node;

    public int Count => Node.Count;

    public bool IsReadOnly
    {
        get => true;
        set { }
    }

    public IEnumerable<string> GetMembers() => Node.Select(p => p.Key);

    public bool Contains(string member) => Node.ContainsKey(member);

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        var found = Node.TryGetPropertyValue(member, out var child);
        value = found ? TemplateValues.FromJson(child) : null;
        return found;
    }

    public bool CanWrite(string member) => false;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;

    public bool Remove(string member) => false;

    public void SetReadOnly(string member, bool readOnly)
    {
    }

    public IScriptObject Clone(bool deep) => this;

    /// <inheritdoc />
    public override string ToString() => Node.ToJsonString();
}
