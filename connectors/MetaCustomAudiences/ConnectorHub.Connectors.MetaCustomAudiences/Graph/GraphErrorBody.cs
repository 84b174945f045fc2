using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Graph;

/// <summary>The <c>error</c> object of a Graph API error body.</summary>
internal sealed record GraphErrorBody(int Code, int? Subcode, string Message, string? Type, bool IsTransient, string? TraceId)
{
    /// <summary>Reads <c>{"error":{...}}</c>; null when the body is not a Graph error.</summary>
    public static GraphErrorBody? TryParse(string body)
    {
        try
        {
            if (JsonNode.Parse(body)?["error"] is not JsonObject error || error["code"] is not JsonValue code || !code.TryGetValue(out int number))
            {
                return null;
            }

            return new GraphErrorBody(
                number,
                error["error_subcode"] is JsonValue sub && sub.TryGetValue(out int subcode) ? subcode : null,
                error["error_user_msg"]?.GetValue<string>() is { Length: > 0 } userMessage ? userMessage : error["message"]?.GetValue<string>() ?? string.Empty,
                error["type"]?.GetValue<string>(),
                error["is_transient"] is JsonValue t && t.TryGetValue(out bool transient) && transient,
                error["fbtrace_id"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Graph error {Code}{(Subcode is { } s ? $"/{s}" : string.Empty)}: {Message}{(TraceId is null ? string.Empty : $" (fbtrace_id {TraceId})")}";
}
