using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>Reads a POST body as a JSON object, answering Square's error when it is not one.</summary>
internal static class SquareRequestBody
{
    public static async Task<(JsonObject? Body, SquareError? Error)> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) is JsonObject body
                ? (body, null)
                : (null, SquareError.InvalidRequest("EXPECTED_JSON_BODY", "The request body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, SquareError.InvalidRequest("EXPECTED_JSON_BODY", $"The request body is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>A string member, or null.</summary>
    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>Writes a JSON answer.</summary>
    public static IResult Ok(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    /// <summary>Resolves <paramref name="cursorText"/> for a query with <paramref name="fingerprint"/>: the cursor, or an error.</summary>
    public static (SquareCursor? Cursor, SquareError? Error) Cursor(string? cursorText, string fingerprint)
    {
        if (string.IsNullOrEmpty(cursorText))
        {
            return (null, null);
        }

        var cursor = SquareCursor.Decode(cursorText);
        return cursor is not null && cursor.Fingerprint == fingerprint
            ? (cursor, null)
            : (null, SquareError.InvalidRequest("INVALID_CURSOR", "The cursor is invalid, or was issued for a different query. Send the original query with it.", "cursor"));
    }
}
