using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>
/// A paging strategy: puts the page token into a request and reads the next token from a response. Tokens are
/// opaque text (a cursor, a URL, an offset); the stream checkpoints them and its <see cref="PagingGuard"/> checks them.
/// </summary>
public interface IPaginator
{
    /// <summary>Puts <paramref name="token"/> into <paramref name="request"/>; null is the first page.</summary>
    void Apply(PageRequest request, string? token);

    /// <summary>The token of the page after the one just read, or null when it was the last.</summary>
    string? Next(in PageArguments arguments);
}

/// <summary>What a paginator reads the next token from.</summary>
/// <param name="Response">The page just read.</param>
/// <param name="RecordCount">How many records the page held.</param>
/// <param name="Token">The token the page was asked with (null for the first).</param>
/// <param name="LastRecord">The page's last record (after transforms), or null for an empty page.</param>
public readonly record struct PageArguments(PageResponse Response, int RecordCount, string? Token, System.Text.Json.Nodes.JsonObject? LastRecord = null);

/// <summary>No paging: one request per slice and partition.</summary>
public sealed class NoPagination : IPaginator
{
    /// <summary>The one instance.</summary>
    public static NoPagination Instance { get; } = new();

    /// <inheritdoc />
    public void Apply(PageRequest request, string? token)
    {
    }

    /// <inheritdoc />
    public string? Next(in PageArguments arguments) => null;
}
