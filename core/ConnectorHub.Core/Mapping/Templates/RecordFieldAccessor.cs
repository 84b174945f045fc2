using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>How <c>this.name</c> reads a <see cref="RecordScope"/>: the record's field, even when a function has that name.</summary>
internal sealed class RecordFieldAccessor : IObjectAccessor
{
    public static readonly RecordFieldAccessor Instance = new();

    public bool HasIndexer => false;

    public Type? IndexType => null;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => ((RecordScope)target).Fields?.Count ?? 0;

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) =>
        ((RecordScope)target).Fields?.Select(p => p.Key) ?? [];

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) =>
        ((RecordScope)target).Fields?.ContainsKey(member) ?? false;

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value) =>
        ((RecordScope)target).TryGetField(member, out value);

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        value = null;
        return false;
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
}
