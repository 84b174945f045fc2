using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.Reading;

/// <summary>
/// Stops a read that would never end: a page cursor Square already gave in this partition (following it again
/// loops), or a long run of empty pages that still point to a next one.
/// </summary>
internal sealed class PageGuard(string stream, string partition)
{
    /// <summary>Empty pages in a row tolerated (Square's limit is advisory and a page may come back short).</summary>
    public const int MaxEmptyPagesInARow = 20;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _emptyInARow;

    /// <summary>Notes the cursor a partition starts (or resumes) from.</summary>
    public void Starting(string? cursor)
    {
        _seen.Clear();
        _emptyInARow = 0;
        if (cursor is not null)
        {
            _seen.Add(cursor);
        }
    }

    /// <summary>Checks the page that came back with <paramref name="recordCount"/> records and <paramref name="nextCursor"/>.</summary>
    public void Check(string? nextCursor, int recordCount)
    {
        if (nextCursor is null)
        {
            return;
        }

        if (!_seen.Add(nextCursor))
        {
            throw new ConnectorInternalException(
                $"Square returned a page cursor it had already returned while reading stream '{stream}'{Where()}: following it again would read the same pages forever, so the read stops. " +
                "This is a fault on Square's side; run the sync again later, and contact Square support if it persists.");
        }

        _emptyInARow = recordCount == 0 ? _emptyInARow + 1 : 0;
        if (_emptyInARow > MaxEmptyPagesInARow)
        {
            throw new ConnectorInternalException(
                $"Square returned {_emptyInARow} empty pages in a row, each with a next cursor, while reading stream '{stream}'{Where()}; the read stops rather than loop. Run the sync again later.");
        }
    }

    private string Where() => partition.Length == 0 ? string.Empty : $" (locations {partition})";
}
