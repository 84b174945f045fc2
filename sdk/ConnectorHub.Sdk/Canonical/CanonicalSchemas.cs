using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Schemas;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>
/// The canonical customer schema's JSON Schema files, shipped inside the SDK, and validation against them.
/// </summary>
public static class CanonicalSchemas
{
    /// <summary>The schema version these files describe.</summary>
    public const string Version = "v1";

    private static readonly ConcurrentDictionary<CanonicalEntityType, JsonSchemaValidator> Validators = new();

    /// <summary>The file name of each entity's schema.</summary>
    public static string FileName(CanonicalEntityType type) => type switch
    {
        CanonicalEntityType.ProfileFragment => "profile-fragment.schema.json",
        CanonicalEntityType.Event => "event.schema.json",
        CanonicalEntityType.Order => "order.schema.json",
        CanonicalEntityType.AdPerformance => "ad-performance.schema.json",
        CanonicalEntityType.Account => "account.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown canonical entity type."),
    };

    /// <summary>The entity's JSON Schema, self-contained (shared definitions inlined).</summary>
    public static JsonObject Schema(CanonicalEntityType type)
    {
        var schema = ReadResource(FileName(type));
        var definitions = ReadResource("definitions.json");
        definitions.Remove("$comment");
        schema["definitions"] = definitions;
        return schema;
    }

    /// <summary>Every violation of the entity's schema by <paramref name="record"/>; empty when valid.</summary>
    public static IReadOnlyList<SchemaViolation> Validate(CanonicalEntityType type, JsonNode record) =>
        Validators.GetOrAdd(type, static t => JsonSchemaValidator.FromJson(Schema(t))).Validate(record);

    private static JsonObject ReadResource(string fileName)
    {
        var name = $"ConnectorHub.Sdk.Canonical.Schemas.{Version}/{fileName}";
        using var stream = typeof(CanonicalSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The SDK is missing its embedded schema '{name}'.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
