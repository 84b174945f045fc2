using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

/// <summary>Whether a path of property names is declared in a JSON Schema (through nested objects and anyOf/oneOf branches).</summary>
internal static class SchemaPaths
{
    private static readonly string[] Combinators = ["anyOf", "oneOf", "allOf"];

    public static bool Exists(JsonObject schema, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return true;
        }

        if (schema["properties"] is JsonObject properties && properties[path[0]] is JsonObject child && Exists(child, path.Skip(1).ToArray()))
        {
            return true;
        }

        return Combinators
            .SelectMany(k => (schema[k] as JsonArray ?? []).OfType<JsonObject>())
            .Any(branch => Exists(branch, path));
    }
}
