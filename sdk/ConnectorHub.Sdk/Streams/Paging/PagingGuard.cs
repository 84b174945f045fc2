using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>
/// Stops a page loop when the API misbehaves (see <see cref="PagingGuardOptions"/>), with a classified error that
/// names the stream, the request and the token, so an admin can tell what failed. One per page loop.
/// </summary>
public sealed class PagingGuard(string stream, string endpoint, PagingGuardOptions options)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;
    private int _emptyInARow;

    /// <summary>Checks the page just read, asked for with <paramref name="token"/>, that points on to <paramref name="next"/>.</summary>
    /// <exception cref="ConnectorInternalException">A guard tripped.</exception>
    public void Check(string? token, string? next, int records)
    {
        _pages++;
        if (token is not null)
        {
            _seen.Add(token);
        }

        if (next is null)
        {
            return;
        }

        _emptyInARow = records == 0 ? _emptyInARow + 1 : 0;
        if (options.StopOnEmptyPageWithNext && _emptyInARow > options.EmptyPagesWithNextAllowed)
        {
            throw new ConnectorInternalException(_emptyInARow == 1
                ? $"Stream '{stream}': {endpoint} returned an empty page that still points to a next page ('{next}'); stopping rather than paging on forever."
                : $"Stream '{stream}': {endpoint} returned {_emptyInARow} empty pages in a row, each pointing to a next page ('{next}'); stopping rather than paging on forever.");
        }

        if (options.StopOnRepeatedToken && (_seen.Contains(next) || next == token))
        {
            throw new ConnectorInternalException($"Stream '{stream}': {endpoint} returned the page token '{next}' a second time; stopping so records are not read again and again. This is a fault of the API's paging: run the sync again later.");
        }

        if (_pages >= options.MaxPages)
        {
            throw new ConnectorInternalException($"Stream '{stream}' reached the page cap ({options.MaxPages} pages of {endpoint}) and still had a next page ('{next}'). Raise the page cap if the account really holds that much.");
        }
    }
}
