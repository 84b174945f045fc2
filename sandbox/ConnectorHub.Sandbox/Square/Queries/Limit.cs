using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>Square's <c>limit</c> checks: out-of-range values answer <c>VALUE_TOO_LOW</c> / <c>VALUE_TOO_HIGH</c>.</summary>
internal static class Limit
{
    public static (int Value, SquareError? Error) Read(JsonNode? node, int defaultValue, int max)
    {
        if (node is null)
        {
            return (defaultValue, null);
        }

        var text = node is JsonValue v && v.TryGetValue(out string? s) ? s : node.ToJsonString();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
        {
            return (0, SquareError.InvalidRequest("EXPECTED_INTEGER", $"Expected an integer value for `limit`, got {text}.", "limit"));
        }

        return limit switch
        {
            < 1 => (0, SquareError.InvalidRequest("VALUE_TOO_LOW", $"`limit` must be at least 1, got {limit}.", "limit")),
            _ when limit > max => (0, SquareError.InvalidRequest("VALUE_TOO_HIGH", $"`limit` must be at most {max}, got {limit}.", "limit")),
            _ => (limit, null),
        };
    }
}
