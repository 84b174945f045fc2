using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Errors;

/// <summary>
/// Maps failed responses to an <see cref="ErrorAction"/>: by status code, by text in the body, or by a predicate
/// over the parsed body. Rules are tried in order; the first that matches decides. Unmatched failures follow the
/// defaults (401/403 configuration, 429 rate limited, 408/5xx transient, other 4xx fail).
/// </summary>
public sealed record ErrorRule
{
    /// <summary>The status codes the rule applies to; empty matches every failed status.</summary>
    public IReadOnlyCollection<int> StatusCodes { get; init; } = [];

    /// <summary>Text the body must contain (ordinal); null for any body.</summary>
    public string? BodyContains { get; init; }

    /// <summary>A predicate over the response; null for any.</summary>
    public Func<ErrorArguments, bool>? When { get; init; }

    /// <summary>What to do.</summary>
    public required ErrorAction Action { get; init; }

    /// <summary>The message for the admin; null uses the status line and body.</summary>
    public Func<ErrorArguments, string>? Message { get; init; }

    /// <summary>For <see cref="ErrorAction.RateLimited"/>: how long to wait when the response has no Retry-After.</summary>
    public Func<ErrorArguments, TimeSpan?>? RetryAfter { get; init; }

    /// <summary>Whether the rule applies to <paramref name="arguments"/>.</summary>
    public bool Matches(in ErrorArguments arguments) =>
        (StatusCodes.Count == 0 || StatusCodes.Contains(arguments.StatusCode))
        && (BodyContains is null || arguments.Body.Contains(BodyContains, StringComparison.Ordinal))
        && (When is null || When(arguments));
}

/// <summary>A failed response as rules see it.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Response headers (case-insensitive).</param>
/// <param name="Body">The body as text.</param>
/// <param name="Json">The body parsed, when it is JSON.</param>
/// <param name="Request">The method and path, for messages.</param>
public readonly record struct ErrorArguments(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body, JsonNode? Json, string Request);
