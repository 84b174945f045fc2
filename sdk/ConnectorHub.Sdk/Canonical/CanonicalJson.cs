using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>The JSON form of canonical entities: snake_case names, nulls left out.</summary>
public static class CanonicalJson
{
    /// <summary>Serializer options for canonical entities.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON object of a canonical entity.</summary>
    public static JsonObject ToJson<T>(T entity) => JsonSerializer.SerializeToNode(entity, Options)!.AsObject();

    /// <summary>Reads a canonical entity from its JSON form.</summary>
    public static T FromJson<T>(JsonNode json) => json.Deserialize<T>(Options)
        ?? throw new JsonException($"Expected a {typeof(T).Name} object, got null.");
}
