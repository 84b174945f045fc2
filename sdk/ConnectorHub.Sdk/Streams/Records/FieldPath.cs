using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>
/// A path to values inside a JSON document: field names separated by dots, <c>*</c> for every item of an array or
/// every value of an object (a JSONPath subset: <c>$.data.items</c>, <c>data.*.records</c>, <c>paging.next.after</c>).
/// An empty path (or <c>$</c>) is the document itself.
/// </summary>
public sealed class FieldPath
{
    private readonly string[] _segments;

    private FieldPath(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The path's field names.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Parses <paramref name="path"/>; <c>$.a.b</c>, <c>a.b</c>, <c>a[*].b</c> and <c>a.*.b</c> are accepted.</summary>
    /// <exception cref="FormatException">The path has an empty segment.</exception>
    public static FieldPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.Trim();
        var body = text is "$" ? string.Empty : text.StartsWith("$.", StringComparison.Ordinal) ? text[2..] : text;
        body = body.Replace("[*]", ".*", StringComparison.Ordinal);
        if (body.Length == 0)
        {
            return new FieldPath(text, []);
        }

        var segments = body.Split('.');
        return segments.Any(s => s.Length == 0)
            ? throw new FormatException($"The path '{path}' has an empty field name; write field names separated by dots, such as data.items.")
            : new FieldPath(text, segments);
    }

    /// <summary>The values the path reaches in <paramref name="node"/>, in document order (none when it reaches nothing).</summary>
    public IEnumerable<JsonNode> Select(JsonNode? node) => Walk(node, 0);

    /// <summary>The single value the path reaches, or null.</summary>
    public JsonNode? SelectOne(JsonNode? node) => Select(node).FirstOrDefault();

    /// <summary>The value as text (a string as is, other JSON as written), or null when absent or null.</summary>
    public string? SelectText(JsonNode? node) => SelectOne(node) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        var other => other.ToJsonString(),
    };

    /// <summary>Sets the value at this path in <paramref name="target"/>, creating objects on the way (no wildcards).</summary>
    public void Set(JsonObject target, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(target);
        var current = target;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            if (current[_segments[i]] is not JsonObject next)
            {
                next = new JsonObject();
                current[_segments[i]] = next;
            }

            current = next;
        }

        current[_segments[^1]] = value;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private IEnumerable<JsonNode> Walk(JsonNode? node, int index)
    {
        if (node is null)
        {
            yield break;
        }

        if (index == _segments.Length)
        {
            yield return node;
            yield break;
        }

        var segment = _segments[index];
        IEnumerable<JsonNode?> children = (segment, node) switch
        {
            ("*", JsonArray array) => array,
            ("*", JsonObject obj) => obj.Select(p => p.Value),
            (_, JsonObject obj) => [obj[segment]],
            (_, JsonArray array) when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => [array[i]],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var found in Walk(child, index + 1))
            {
                yield return found;
            }
        }
    }
}
