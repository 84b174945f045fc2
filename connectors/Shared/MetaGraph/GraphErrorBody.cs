using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Meta.Graph;

/// <summary>The <c>error</c> object of a Graph API error body.</summary>
internal sealed record GraphErrorBody(int Code, int? Subcode, string Message, string? Type, bool IsTransient, string? TraceId)
{
    /// <summary>Subcode of "Please reduce the amount of data you're asking for" (code 1): ask for an async report instead.</summary>
    public const int TooMuchDataSubcode = 1487534;

    /// <summary>Whether this error asks for less data per synchronous request.</summary>
    public bool IsTooMuchData => Code == 1 && (Subcode == TooMuchDataSubcode || Message.Contains("reduce the amount of data", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <c>{"error":{...}}</c>; null when the body is not a Graph error.</summary>
    public static GraphErrorBody? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body)?["error"] is not JsonObject error || error["code"] is not JsonValue code || !code.TryGetValue(out int number))
            {
                return null;
            }

            return new GraphErrorBody(
                number,
                error["error_subcode"] is JsonValue sub && sub.TryGetValue(out int subcode) ? subcode : null,
                Text(error["error_user_msg"]) is { Length: > 0 } userMessage ? userMessage : Text(error["message"]) ?? string.Empty,
                Text(error["type"]),
                error["is_transient"] is JsonValue t && t.TryGetValue(out bool transient) && transient,
                Text(error["fbtrace_id"]));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Graph error {Code}{(Subcode is { } s ? $"/{s}" : string.Empty)}: {Message}{(TraceId is null ? string.Empty : $" (fbtrace_id {TraceId})")}";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
