using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectorHub.Connectors.Webhook.Configuration;

/// <summary>
/// Checks the extra headers of a configuration: valid names and values, and none of the headers the connector
/// sets itself (the signature, the idempotency key, the body's framing).
/// </summary>
internal static partial class WebhookHeaderRules
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Host", "Connection",
        "Idempotency-Key", "X-ConnectorHub-Timestamp", "X-ConnectorHub-Signature",
    };

    /// <summary>The headers in setting <paramref name="setting"/> (a JSON object of name to text), validated.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(JsonNode? node, string setting)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject headers)
        {
            throw WebhookSettingsReader.Invalid($"'{setting}' must be an object of header names to values, such as {{\"X-Tenant\": \"eu-1\"}}.");
        }

        var result = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, value) in headers)
        {
            if (!TokenName().IsMatch(name))
            {
                throw WebhookSettingsReader.Invalid($"'{setting}' has an invalid header name '{name}'; use letters, digits and dashes, such as X-Api-Key.");
            }

            if (Reserved.Contains(name))
            {
                throw WebhookSettingsReader.Invalid($"'{setting}.{name}' cannot be set: the connector sets this header itself.");
            }

            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || !PrintableAscii().IsMatch(text.GetValue<string>()))
            {
                throw WebhookSettingsReader.Invalid($"'{setting}.{name}' must be text of printable ASCII characters, without line breaks.");
            }

            result.Add(new(name, text.GetValue<string>()));
        }

        return result;
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenName();

    [GeneratedRegex("^[\\x20-\\x7E\\t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrintableAscii();
}
