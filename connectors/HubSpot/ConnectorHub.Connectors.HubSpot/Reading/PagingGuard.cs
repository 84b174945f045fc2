using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.HubSpot.Reading;

/// <summary>
/// Stops a stream's paging when HubSpot misbehaves: a cursor seen before (the read would loop over the same
/// records), an empty page that still has a next cursor, or more pages than the cap.
/// </summary>
internal sealed class PagingGuard(string stream, string endpoint, int maxPages)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>Checks the page just read, which was asked for with <paramref name="cursor"/> and points on to <paramref name="next"/>.</summary>
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
            throw new ConnectorInternalException($"HubSpot's {endpoint} for stream '{stream}' returned the paging cursor after={next} a second time; stopping so records are not read again and again. This is a HubSpot-side paging fault: run the sync again later.");
        }

        if (records == 0)
        {
            throw new ConnectorInternalException($"HubSpot's {endpoint} for stream '{stream}' returned an empty page that still points to a next page (after={next}); stopping rather than paging on forever.");
        }

        if (_pages >= maxPages)
        {
            throw new ConnectorInternalException($"Stream '{stream}' reached the page cap ({maxPages} pages of HubSpot's {endpoint}) and still had a next page (after={next}). Raise 'max_pages' if the account really holds that much.");
        }
    }
}
