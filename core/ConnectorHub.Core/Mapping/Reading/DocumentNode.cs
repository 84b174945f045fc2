using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>A YAML or JSON document as a tree that remembers lines, so both forms read the same way.</summary>
internal abstract record DocumentNode(int Line, int Column)
{
    /// <summary>What the node is, for error messages ("a list", "a mapping", "text").</summary>
    public abstract string Shape { get; }

    /// <summary>The node as JSON (for constants, defaults and comparison operands).</summary>
    public abstract JsonNode? ToJson();
}

/// <summary>The type of a scalar, resolved as YAML 1.2's core schema (and JSON) do.</summary>
internal enum ScalarType
{
    Text,
    Number,
    Boolean,
    Null,
}

/// <summary>A scalar: text, number, boolean or null.</summary>
internal sealed record ScalarNode(string Text, ScalarType Type, int Line, int Column) : DocumentNode(Line, Column)
{
    public override string Shape => Type switch
    {
        ScalarType.Number => "a number",
        ScalarType.Boolean => "true or false",
        ScalarType.Null => "null",
        _ => "text",
    };

    public override JsonNode? ToJson() => Type switch
    {
        ScalarType.Null => null,
        ScalarType.Boolean => JsonValue.Create(bool.Parse(Text)),
        ScalarType.Number => decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : JsonValue.Create(double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Text),
    };
}

/// <summary>A mapping (object) with its keys in document order.</summary>
internal sealed record MapNode(IReadOnlyList<KeyValuePair<ScalarNode, DocumentNode>> Entries, int Line, int Column) : DocumentNode(Line, Column)
{
    public override string Shape => "a mapping";

    public DocumentNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Text == key).Value;

    public bool Has(string key) => Entries.Any(e => e.Key.Text == key);

    public override JsonNode? ToJson()
    {
        var obj = new JsonObject();
        foreach (var (key, value) in Entries)
        {
            obj[key.Text] = value.ToJson();
        }

        return obj;
    }
}

/// <summary>A sequence (array).</summary>
internal sealed record SequenceNode(IReadOnlyList<DocumentNode> Items, int Line, int Column) : DocumentNode(Line, Column)
{
    public override string Shape => "a list";

    public override JsonNode? ToJson() => new JsonArray([.. Items.Select(i => i.ToJson())]);
}
