using System.Text.Json.Nodes;

namespace ConnectorHub.Host.Dashboard.Forms;

/// <summary>How a setting is edited in a generated form.</summary>
public enum FieldInput
{
    /// <summary>One line of text (or a URL or e-mail address).</summary>
    Text,

    /// <summary>A secret: a password field, never filled in with the stored value.</summary>
    Password,

    /// <summary>A whole number or a decimal.</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Checkbox,

    /// <summary>One of a fixed set of values.</summary>
    Select,

    /// <summary>A list of simple values, one per line.</summary>
    Lines,

    /// <summary>Anything else, as JSON.</summary>
    Json,
}

/// <summary>One top-level property of a connector's config schema, as a form field.</summary>
public sealed record SchemaField
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    /// <summary>The JSON Schema type: string, integer, number, boolean, array or object.</summary>
    public required string Type { get; init; }

    /// <summary>For arrays, the items' type.</summary>
    public string? ItemType { get; init; }

    public bool Required { get; init; }

    public bool Secret { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    public IReadOnlyList<JsonNode?> Choices { get; init; } = [];

    public JsonNode? Default { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>The form field's name (and the key its validation errors are reported under).</summary>
    public string InputName => "config." + Key;

    public FieldInput Input => Secret ? FieldInput.Password
        : Choices.Count > 0 ? FieldInput.Select
        : Type switch
        {
            "boolean" => FieldInput.Checkbox,
            "integer" or "number" => FieldInput.Number,
            "array" when ItemType is "string" or "integer" or "number" => FieldInput.Lines,
            "array" or "object" => FieldInput.Json,
            _ => FieldInput.Text,
        };

    /// <summary>The HTML input type of a text or number field.</summary>
    public string HtmlType => Input == FieldInput.Number ? "number" : Format switch
    {
        "uri" or "url" => "url",
        "email" => "email",
        _ => "text",
    };

    /// <summary>The type in words for the settings table.</summary>
    public string TypeDescription => Type switch
    {
        "array" => $"list of {ItemType ?? "values"}",
        _ when Choices.Count > 0 => "one of " + string.Join(", ", Choices.Select(c => c?.ToJsonString() ?? "null")),
        _ => Type,
    };
}
