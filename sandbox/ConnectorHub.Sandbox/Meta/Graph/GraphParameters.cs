using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectorHub.Sandbox.Meta.Graph;

/// <summary>
/// The parameters of a Graph request, wherever the caller put them: the query string, a form body (each value a
/// string, JSON values as JSON strings) or a JSON body. Later sources win, as in Graph.
/// </summary>
public sealed class GraphParameters
{
    private readonly Dictionary<string, JsonNode?> _values;

    private GraphParameters(Dictionary<string, JsonNode?> values) => _values = values;

    /// <summary>Reads every parameter of <paramref name="request"/>.</summary>
    public static async Task<GraphParameters> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = JsonValue.Create(value.ToString());
        }

        var contentType = request.ContentType ?? string.Empty;
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            // FormReader has no 4 MB value cap: a 10,000-row payload is one large form value.
            using var reader = new FormReader(request.Body) { ValueLengthLimit = int.MaxValue, KeyLengthLimit = 1024 };
            foreach (var (name, value) in await reader.ReadFormAsync())
            {
                values[name] = JsonValue.Create(value.ToString());
            }
        }
        else if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var body = await JsonNode.ParseAsync(request.Body);
            foreach (var (name, value) in body as JsonObject ?? [])
            {
                values[name] = value?.DeepClone();
            }
        }

        return new GraphParameters(values);
    }

    /// <summary>The names of every parameter the request carried.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The raw value of a parameter, or null.</summary>
    public JsonNode? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>A parameter as a string (a JSON value other than a string is given as its JSON text).</summary>
    public string? GetString(string name) => this[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    /// <summary>A parameter that holds JSON: a JSON string is parsed, an object or array is taken as is.</summary>
    /// <exception cref="JsonException">The string is not JSON.</exception>
    public JsonNode? GetJson(string name) => this[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonNode.Parse(v.GetValue<string>()),
        var node => node,
    };

    /// <summary>The access token: the <c>access_token</c> parameter or an <c>Authorization: Bearer</c> header.</summary>
    public string? AccessToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : GetString("access_token");
    }
}
