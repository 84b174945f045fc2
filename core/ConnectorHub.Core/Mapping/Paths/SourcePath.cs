using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Paths;

/// <summary>
/// A compiled path into a source record: <c>properties.email</c>, <c>line_items[0].sku</c>, <c>["odd key"]</c>,
/// <c>items[-1]</c> (last). Inside <c>each</c>, paths are relative to the element; <c>$.x</c> starts at the record and
/// <c>@</c> is the element itself.
/// </summary>
internal sealed class SourcePath
{
    private readonly Segment[] _segments;
    private readonly bool _fromRoot;

    private SourcePath(string text, Segment[] segments, bool fromRoot)
    {
        Text = text;
        _segments = segments;
        _fromRoot = fromRoot;
    }

    public string Text { get; }

    public JsonNode? Evaluate(JsonNode root, JsonNode? current)
    {
        var node = _fromRoot ? root : current;
        foreach (var segment in _segments)
        {
            if (segment.Name is { } name)
            {
                if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
                {
                    return null;
                }
            }
            else
            {
                if (node is not JsonArray array)
                {
                    return null;
                }

                var index = segment.Index < 0 ? array.Count + segment.Index : segment.Index;
                if (index < 0 || index >= array.Count)
                {
                    return null;
                }

                node = array[index];
            }
        }

        return node;
    }

    public static bool TryParse(string text, out SourcePath path, out string error)
    {
        path = null!;
        error = string.Empty;
        var s = text.Trim();
        var fromRoot = false;
        var position = 0;
        if (s.StartsWith('$') || s.StartsWith('@'))
        {
            fromRoot = s[0] == '$';
            position = 1;
            if (position < s.Length && s[position] == '.')
            {
                position++;
                if (position == s.Length)
                {
                    error = $"the path '{text}' ends with a dot";
                    return false;
                }
            }
            else if (position < s.Length && s[position] != '[')
            {
                error = $"the path '{text}' must continue with '.' or '[' after '{s[0]}'";
                return false;
            }
        }
        else if (s.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        var segments = new List<Segment>();
        while (position < s.Length)
        {
            if (!TryReadSegment(s, ref position, segments, out error))
            {
                error = $"the path '{text}' is not valid: {error}";
                return false;
            }
        }

        path = new SourcePath(text, [.. segments], fromRoot);
        return true;
    }

    private static bool TryReadSegment(string s, ref int position, List<Segment> segments, out string error)
    {
        error = string.Empty;
        if (s[position] == '[')
        {
            var close = s.IndexOf(']', position);
            if (close < 0)
            {
                error = "a '[' is not closed";
                return false;
            }

            var inner = s[(position + 1)..close].Trim();
            if (inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0])
            {
                segments.Add(new Segment(inner[1..^1], 0));
            }
            else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                segments.Add(new Segment(null, index));
            }
            else
            {
                error = $"'[{inner}]' must be an index such as [0] or a quoted key such as [\"my key\"]";
                return false;
            }

            position = close + 1;
            if (position < s.Length && s[position] == '.')
            {
                position++;
                if (position == s.Length)
                {
                    error = "it ends with a dot";
                    return false;
                }
            }

            return true;
        }

        var name = new StringBuilder();
        while (position < s.Length && s[position] is not ('.' or '['))
        {
            name.Append(s[position++]);
        }

        if (name.Length == 0)
        {
            error = "it has an empty segment (two dots in a row?)";
            return false;
        }

        segments.Add(new Segment(name.ToString(), 0));
        if (position < s.Length && s[position] == '.')
        {
            position++;
            if (position == s.Length)
            {
                error = "it ends with a dot";
                return false;
            }
        }

        return true;
    }

    private readonly record struct Segment(string? Name, int Index);
}
