using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Meta.Graph;

/// <summary>
/// How long Meta wants us to wait, from its usage headers (throttling carries no Retry-After):
/// <c>X-Business-Use-Case-Usage</c> (<c>estimated_time_to_regain_access</c>, minutes, per account and use case) and
/// <c>X-Ad-Account-Usage</c> (<c>reset_time_duration</c>, seconds).
/// </summary>
internal static class BusinessUseCaseUsage
{
    public const string HeaderName = "X-Business-Use-Case-Usage";
    public const string AdAccountHeaderName = "X-Ad-Account-Usage";

    /// <summary>The longest wait any usage header asks for, or null when none says.</summary>
    public static TimeSpan? RegainAccessIn(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        TimeSpan? wait = null;
        var usages = Header(response, HeaderName)?.AsObject().Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>() ?? [];
        foreach (var usage in usages)
        {
            if (Number(usage["estimated_time_to_regain_access"]) is > 0 and var minutes)
            {
                wait = Max(wait, TimeSpan.FromMinutes(minutes));
            }
        }

        if (Number(Header(response, AdAccountHeaderName)?["reset_time_duration"]) is > 0 and var seconds)
        {
            wait = Max(wait, TimeSpan.FromSeconds(seconds));
        }

        return wait;
    }

    private static JsonNode? Header(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out var values))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(values.First()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;
}
