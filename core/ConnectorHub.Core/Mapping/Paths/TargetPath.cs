using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Paths;

/// <summary>
/// A compiled output path such as <c>traits.address.country</c>; a list target (<c>identifiers[]</c>) appends items.
/// Intermediate objects are created on first write.
/// </summary>
internal sealed class TargetPath
{
    private readonly string[] _segments;

    private TargetPath(string text, string[] segments, bool isList)
    {
        Text = text;
        _segments = segments;
        IsList = isList;
        Field = string.Join('.', segments);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The path without a trailing <c>[]</c>, as it appears in output and schema errors.</summary>
    public string Field { get; }

    public bool IsList { get; }

    public IReadOnlyList<string> Segments => _segments;

    public static bool TryParse(string text, out TargetPath path, out string error)
    {
        path = null!;
        error = string.Empty;
        var s = text.Trim();
        var isList = s.EndsWith("[]", StringComparison.Ordinal);
        if (isList)
        {
            s = s[..^2];
        }

        var segments = s.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment.AsSpan().IndexOfAny("[]") >= 0 || segment.Trim().Length != segment.Length)
            {
                error = $"the output path '{text}' is not valid: use names separated by dots (traits.first_name), with [] only at the end of a list (identifiers[])";
                return false;
            }
        }

        path = new TargetPath(text, segments, isList);
        return true;
    }

    /// <summary>Sets the value (a field) or appends it (a list).</summary>
    public void Write(JsonObject output, JsonNode? value)
    {
        var parent = output;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            if (parent[_segments[i]] is JsonObject child)
            {
                parent = child;
            }
            else
            {
                child = [];
                parent[_segments[i]] = child;
                parent = child;
            }
        }

        var last = _segments[^1];
        if (!IsList)
        {
            parent[last] = value;
            return;
        }

        if (parent[last] is not JsonArray list)
        {
            list = [];
            parent[last] = list;
        }

        list.Add(value);
    }
}
