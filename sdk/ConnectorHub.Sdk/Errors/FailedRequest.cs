namespace ConnectorHub.Sdk.Errors;

/// <summary>
/// A redacted record of an HTTP exchange that failed: enough for an admin to see which request failed and why,
/// with credentials removed.
/// </summary>
public sealed record FailedRequest
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The URL, with secret query parameters replaced by <c>***</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Request headers, secrets masked.</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The start of the request body, secrets masked.</summary>
    public string? RequestBody { get; init; }

    /// <summary>The response status code, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Response headers.</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The start of the response body.</summary>
    public string? ResponseBody { get; init; }
}
