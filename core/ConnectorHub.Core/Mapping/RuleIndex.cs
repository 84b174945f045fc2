using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping;

/// <summary>Finds the rule behind an output field (<c>line_items[2].quantity</c>), to name it in schema errors.</summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<string, (string Rule, SourceLocation Location)> _rules = new(StringComparer.Ordinal);

    /// <summary>Registers a rule under its field pattern (<c>identifiers[].value</c>); a pattern set by several item rules gets the pattern as its name.</summary>
    public void Add(string field, string rule, SourceLocation location)
    {
        _rules[field] = _rules.TryGetValue(field, out var existing) ? (field, existing.Location) : (rule, location);
    }

    /// <summary>The rule that wrote <paramref name="field"/> or its nearest enclosing field; null when none did.</summary>
    public (string Rule, SourceLocation Location)? Find(string field)
    {
        var pattern = Pattern(field);
        while (pattern.Length > 0)
        {
            if (_rules.TryGetValue(pattern, out var found))
            {
                return found;
            }

            var cut = Math.Max(pattern.LastIndexOf('.'), pattern.EndsWith("[]", StringComparison.Ordinal) ? pattern.Length - 2 : -1);
            pattern = cut <= 0 ? string.Empty : pattern[..cut];
        }

        return null;
    }

    private static string Pattern(string field)
    {
        var builder = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '[')
            {
                var close = field.IndexOf(']', i);
                builder.Append("[]");
                i = close < 0 ? field.Length : close;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }
}
