using System.Text.Json;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>Reads the rule editor's text as JSON, with an error that says where the text stops being JSON.</summary>
internal static class RuleText
{
    public static JsonElement Parse(string? text)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "null" : text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new HubValidationException("$", $"The rule is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
    }
}
