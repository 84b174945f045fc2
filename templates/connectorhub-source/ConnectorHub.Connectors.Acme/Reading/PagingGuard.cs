using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Reading;

/// <summary>
/// Stops a stream's paging when the API misbehaves, instead of reading the same records again and again or paging
/// on forever: a cursor seen before, an empty page that still has a next cursor, more pages than the cap.
/// </summary>
internal sealed class PagingGuard(string stream, int maxPages)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>Checks the page just read, asked for with <paramref name="cursor"/>, that points on to <paramref name="next"/>.</summary>
    public void Check(string? cursor, string? next, int records)
    {
        _pages++;
        if (cursor is not null)
        {
            _seen.Add(cursor);
        }

        if (next is null)
        {
            return;
        }

        if (_seen.Contains(next))
        {
            throw new ConnectorInternalException($"Acme returned the paging cursor '{next}' of stream '{stream}' a second time; stopping so records are not read again and again. This is a fault on Acme's side: run the sync again later.");
        }

        if (records == 0)
        {
            throw new ConnectorInternalException($"Acme returned an empty page of stream '{stream}' that still points to a next page ('{next}'); stopping rather than paging on forever.");
        }

        if (_pages >= maxPages)
        {
            throw new ConnectorInternalException($"Stream '{stream}' reached the page cap ({maxPages} pages) and still had a next page. Raise 'max_pages' if the account really holds that much.");
        }
    }
}
