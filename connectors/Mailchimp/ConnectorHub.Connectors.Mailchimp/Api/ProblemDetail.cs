using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Mailchimp.Api;

/// <summary>A Mailchimp <c>application/problem+json</c> error: title, status, detail and field errors.</summary>
internal sealed record ProblemDetail(string Title, int Status, string Detail, IReadOnlyList<string> FieldErrors)
{
    /// <summary>Reads a problem body; null when it is not one.</summary>
    public static ProblemDetail? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is not JsonObject json || json["title"] is not JsonValue title)
            {
                return null;
            }

            var errors = (json["errors"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(e => $"{e["field"]?.GetValue<string>()}: {e["message"]?.GetValue<string>()}")
                .ToArray();
            return new ProblemDetail(
                title.GetValue<string>(),
                json["status"] is JsonValue s && s.TryGetValue(out int status) ? status : 0,
                json["detail"]?.GetValue<string>() ?? string.Empty,
                errors);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Title}: {Detail}{(FieldErrors.Count > 0 ? $" ({string.Join("; ", FieldErrors)})" : string.Empty)}";
}
