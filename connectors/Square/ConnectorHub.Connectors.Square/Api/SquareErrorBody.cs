using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Square.Api;

/// <summary>The first entry of Square's error body <c>{"errors":[{"category","code","detail","field"}]}</c>.</summary>
internal sealed record SquareErrorBody(string Category, string Code, string? Detail, string? Field)
{
    /// <summary>Reads the first error; null when the body is not a Square error.</summary>
    public static SquareErrorBody? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body)?["errors"] is JsonArray { Count: > 0 } errors && errors[0] is JsonObject first
                ? new SquareErrorBody(Text(first["category"]) ?? "UNKNOWN", Text(first["code"]) ?? "UNKNOWN", Text(first["detail"]), Text(first["field"]))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Category}/{Code}{(Field is null ? string.Empty : $" on '{Field}'")}{(Detail is null ? string.Empty : $": {Detail}")}";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
