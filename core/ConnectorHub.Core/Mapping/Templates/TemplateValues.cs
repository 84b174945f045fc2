using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// Between JSON and what templates see: scalars as CLR values (text, decimal, bool), objects and arrays as read-only
/// views made on access, so nothing is copied per record. Blank text reads as missing (null), as everywhere in a mapping.
/// </summary>
internal static class TemplateValues
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObjectView(obj),
        JsonArray array => new JsonArrayView(array),
        _ => Scalar(JsonScalar.Unwrap(node)),
    };

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonObjectView view => view.Node,
        JsonArrayView view => view.Node,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        _ => JsonValue.Create(Text(value)),
    };

    /// <summary>A value as text the way templates print it (invariant culture), or null when it is missing.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        JsonObjectView or JsonArrayView => ToJson(value)!.ToJsonString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static bool IsMissing(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    private static object? Scalar(object? value) => value is string text && string.IsNullOrWhiteSpace(text) ? null : value;
}
