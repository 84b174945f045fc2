using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>Finds the reason a receiver gave in an error body: a JSON error field, or the start of the text.</summary>
internal static class ResponseReason
{
    private const int MaxLength = 500;
    private static readonly string[] ReasonFields = ["reason", "message", "error_description", "detail", "title", "error"];

    /// <summary>The receiver's reason, or null when the body says nothing useful.</summary>
    public static string? From(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject json && FromJson(json) is { } reason)
            {
                return Cut(reason);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the reason.
        }

        return Cut(body.Trim());
    }

    private static string? FromJson(JsonObject json)
    {
        foreach (var field in ReasonFields)
        {
            switch (json[field])
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    return value.GetValue<string>();
                case JsonObject nested when FromJson(nested) is { } inner:
                    return inner;
            }
        }

        return null;
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
