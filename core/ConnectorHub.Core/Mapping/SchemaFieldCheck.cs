using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Mapping;

/// <summary>Checks at compile time that an output path exists in the entity's schema, so a typo fails once, not per record.</summary>
internal sealed class SchemaFieldCheck(CanonicalEntityType type)
{
    private readonly JsonObject _schema = CanonicalSchemas.Schema(type);

    /// <summary>Null when the path can exist; otherwise what is wrong.</summary>
    public string? Check(IReadOnlyList<string> prefix, IReadOnlyList<string> segments, bool isList)
    {
        var node = Resolve(_schema);
        var walked = new List<string>();
        foreach (var segment in prefix.Concat(segments))
        {
            if (segment == "[]")
            {
                node = node?["items"] is JsonObject items ? Resolve(items) : null;
                continue;
            }

            walked.Add(segment);
            if (node is null)
            {
                return null;
            }

            if (node["properties"] is JsonObject properties && properties[segment] is JsonObject property)
            {
                node = Resolve(property);
                continue;
            }

            if (node["additionalProperties"] is JsonValue additional && additional.TryGetValue<bool>(out var allowed) && !allowed)
            {
                var known = node["properties"] is JsonObject props ? string.Join(", ", props.Select(p => p.Key)) : string.Empty;
                return $"'{string.Join('.', walked)}' is not a field of {EntityNames.All[(int)type]}; the fields here are {known}";
            }

            node = null;
        }

        if (isList && node is not null && !IsArray(node))
        {
            return $"'{string.Join('.', walked)}' is not a list in {EntityNames.All[(int)type]}; remove the [] to set it as a value";
        }

        return null;
    }

    private static bool IsArray(JsonObject node) =>
        node["type"] is JsonValue t ? t.GetValue<string>() == "array" : node["type"] is JsonArray types && types.Any(x => x?.GetValue<string>() == "array");

    private JsonObject? Resolve(JsonObject node)
    {
        if (node["$ref"] is JsonValue reference && reference.GetValue<string>() is { } path && path.StartsWith("#/definitions/", StringComparison.Ordinal))
        {
            return _schema["definitions"]?[path["#/definitions/".Length..]] as JsonObject;
        }

        return node;
    }
}
