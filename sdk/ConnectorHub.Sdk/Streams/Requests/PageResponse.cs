using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Requests;

/// <summary>The answer to a <see cref="PageRequest"/>: status, headers and the parsed JSON body.</summary>
public sealed class PageResponse
{
    /// <summary>Creates a response.</summary>
    public PageResponse(int statusCode, IReadOnlyDictionary<string, string> headers, JsonNode? body, Uri? requestUri, string content = "")
    {
        Content = content ?? string.Empty;
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Body = body;
        RequestUri = requestUri;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response headers by name (case-insensitive), several values joined with a comma.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The parsed JSON body, or null when empty.</summary>
    public JsonNode? Body { get; }

    /// <summary>The body as text.</summary>
    public string Content { get; }

    /// <summary>Whether the status is 2xx (other statuses reach a stream only when an error rule ignores them or sets them aside).</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The URL that was asked (for next-page links relative to it, and for messages).</summary>
    public Uri? RequestUri { get; }

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
