using System.Collections;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A JSON array as templates read it (<c>for action in actions</c>, <c>line_items[0]</c>): read-only, items converted on access.</summary>
internal sealed class JsonArrayView(JsonArray node) : IList
{
    public JsonArray Node { get; } = node;

    public int Count => Node.Count;

    public bool IsReadOnly => true;

    public bool IsFixedSize => true;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public object? this[int index]
    {
        get => index >= 0 && index < Node.Count ? TemplateValues.FromJson(Node[index]) : null;
        set => throw new NotSupportedException("a record's lists are read-only in templates");
    }

    public IEnumerator GetEnumerator()
    {
        foreach (var item in Node)
        {
            yield return TemplateValues.FromJson(item);
        }
    }

    public bool Contains(object? value) => IndexOf(value) >= 0;

    public int IndexOf(object? value)
    {
        var text = TemplateValues.Text(value);
        for (var i = 0; i < Node.Count; i++)
        {
            if (string.Equals(TemplateValues.Text(TemplateValues.FromJson(Node[i])), text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public void CopyTo(Array array, int index)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Node.Count; i++)
        {
            array.SetValue(this[i], index + i);
        }
    }

    public int Add(object? value) => throw new NotSupportedException("a record's lists are read-only in templates");

    public void Clear() => throw new NotSupportedException("a record's lists are read-only in templates");

    public void Insert(int index, object? value) => throw new NotSupportedException("a record's lists are read-only in templates");

    public void Remove(object? value) => throw new NotSupportedException("a record's lists are read-only in templates");

    public void RemoveAt(int index) => throw new NotSupportedException("a record's lists are read-only in templates");

    /// <inheritdoc />
    public override string ToString() => Node.ToJsonString();
}
