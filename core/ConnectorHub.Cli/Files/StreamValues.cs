using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Cli.Files;

/// <summary>Reads the values of a stream entry: modes, cursor field, primary key and mapping.</summary>
internal static class StreamValues
{
    /// <summary>
    /// An enum written in snake_case (<c>full_refresh</c>, <c>append_dedup</c>); dashes, spaces and case are ignored,
    /// so <c>FullRefresh</c> and <c>full-refresh</c> are read too.
    /// </summary>
    public static TEnum Enum<TEnum>(FieldReader fields, JsonObject stream, string key, string field, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var path = $"{field}.{key}";
        var text = fields.String(stream, key, path, required: false);
        if (text is null)
        {
            return defaultValue;
        }

        var wanted = Normalize(text);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (Normalize(value.ToString()) == wanted)
            {
                return value;
            }
        }

        fields.Add(path, $"'{text}' is not one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString())))}.");
        return defaultValue;
    }

    /// <summary>A cursor field: a field name, or a list of names for a nested path (<c>[properties, updated_at]</c>).</summary>
    public static IReadOnlyList<string> CursorField(FieldReader fields, JsonNode? node, string field)
    {
        switch (node)
        {
            case null:
                return [];
            case JsonValue value when value.TryGetValue(out string? name) && name.Trim().Length > 0:
                return [name.Trim()];
            case JsonArray array when Names(array) is { } path:
                return path;
            default:
                fields.Add(field, $"must be a field name, or a list of names for a nested field; got {FieldReader.Describe(node)}.");
                return [];
        }
    }

    /// <summary>
    /// A primary key: a field name (<c>id</c>); a list of names, one per key component (<c>[account, id]</c>); or a
    /// list of lists, each a nested path (<c>[[properties, email]]</c>).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> PrimaryKey(FieldReader fields, JsonNode? node, string field)
    {
        switch (node)
        {
            case null:
                return [];
            case JsonValue value when value.TryGetValue(out string? name) && name.Trim().Length > 0:
                return [[name.Trim()]];
            case JsonArray array when Names(array) is { } components:
                return components.Select(c => (IReadOnlyList<string>)[c]).ToArray();
            case JsonArray array when array.All(item => item is JsonArray) && array.Select(item => Names((JsonArray)item!)).ToArray() is var paths && paths.All(p => p is not null):
                return paths!;
            default:
                fields.Add(field, $"must be a field name, a list of field names, or a list of field paths (lists); got {FieldReader.Describe(node)}.");
                return [];
        }
    }

    /// <summary>A mapping document: YAML/JSON text, or written inline as a mapping (kept as JSON).</summary>
    public static string? Mapping(FieldReader fields, JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonObject or JsonArray => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
        _ => Invalid(fields, field, node),
    };

    private static string? Invalid(FieldReader fields, string field, JsonNode node)
    {
        fields.Add(field, $"must be a mapping document (text or an inline mapping); got {FieldReader.Describe(node)}.");
        return null;
    }

    private static string[]? Names(JsonArray array) =>
        array.Count > 0 && array.All(item => item is JsonValue v && v.TryGetValue(out string? s) && s.Trim().Length > 0)
            ? array.Select(item => item!.GetValue<string>().Trim()).ToArray()
            : null;

    private static string Normalize(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
