using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Requests;

/// <summary>
/// One request of a stream as its parts build it: the template sets method, path and fixed parameters, then the
/// incremental cursor, the slice and the paginator each add what they inject. Sent with RestSharp.
/// </summary>
public sealed class PageRequest
{
    /// <summary>Creates a request of <paramref name="method"/> to <paramref name="path"/> (relative to the source's base address, or absolute).</summary>
    public PageRequest(HttpMethod method, string path)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; set; }

    /// <summary>The path relative to the base address, or an absolute URL (a next-page link).</summary>
    public string Path { get; set; }

    /// <summary>Query parameters, in order.</summary>
    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Request headers.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The JSON body, or null for none.</summary>
    public JsonObject? Body { get; set; }

    /// <summary>A deep copy, so a paginator's change to one page never leaks into the next.</summary>
    public PageRequest Clone()
    {
        var copy = new PageRequest(Method, Path) { Body = Body?.DeepClone().AsObject() };
        foreach (var (name, value) in Query)
        {
            copy.Query[name] = value;
        }

        foreach (var (name, value) in Headers)
        {
            copy.Headers[name] = value;
        }

        return copy;
    }

    /// <summary>The method and path, for messages.</summary>
    public override string ToString() => $"{Method} {Path}";
}
