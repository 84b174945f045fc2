using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Streams.Requests;

/// <summary>
/// The first request of every page loop: method, path (with <c>{field}</c> placeholders filled from the parent
/// record), fixed query parameters, headers and body, and an optional callback for what depends on the arguments.
/// </summary>
public sealed partial class RequestTemplate
{
    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; set; } = HttpMethod.Get;

    /// <summary>The path; <c>{id}</c> is replaced by the parent record's <c>id</c> (escaped).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Fixed query parameters.</summary>
    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Fixed headers.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A fixed JSON body (copied for every request).</summary>
    public JsonObject? Body { get; set; }

    /// <summary>Adjusts each request from its arguments (a body filter from the cursor, a slice's dates, ...).</summary>
    public Action<PageRequest, RequestArguments>? Customize { get; set; }

    /// <summary>Builds the first request of a page loop.</summary>
    public PageRequest Create(RequestArguments arguments)
    {
        var request = new PageRequest(Method, FillPath(arguments.Partition)) { Body = Body?.DeepClone().AsObject() };
        foreach (var (name, value) in Query)
        {
            request.Query[name] = value;
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = value;
        }

        Customize?.Invoke(request, arguments);
        return request;
    }

    private string FillPath(JsonObject? partition) => Placeholder().Replace(Path, match =>
    {
        var field = match.Groups[1].Value;
        var value = Records.FieldPath.Parse(field).Select(partition).FirstOrDefault();
        return value is null
            ? throw new ConnectorInternalException($"The path '{Path}' needs '{field}' from the parent record, which has none.")
            : Uri.EscapeDataString(value is JsonValue v && v.TryGetValue(out string? s) ? s : value.ToJsonString().Trim('"'));
    });

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    internal static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
