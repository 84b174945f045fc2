using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Graph;

/// <summary>
/// Stops paging that would never end: an <c>after</c> cursor Meta already gave for the same listing (following it
/// again loops), or a run of empty pages that still say more follow.
/// </summary>
internal sealed class CursorGuard(string what)
{
    public const int MaxEmptyPagesInARow = 20;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _emptyInARow;

    /// <summary>Notes the cursor paging starts (or resumes) from.</summary>
    public CursorGuard StartingAt(string? after)
    {
        if (after is not null)
        {
            _seen.Add(after);
        }

        return this;
    }

    /// <summary>Checks a page that came back with <paramref name="rows"/> rows and next cursor <paramref name="after"/>.</summary>
    public void Check(string? after, int rows)
    {
        if (after is null)
        {
            return;
        }

        if (!_seen.Add(after))
        {
            throw new ConnectorInternalException(
                $"Meta returned a paging cursor it had already returned while reading {what}: following it again would read the same pages forever, so the read stops. Run the sync again later.");
        }

        _emptyInARow = rows == 0 ? _emptyInARow + 1 : 0;
        if (_emptyInARow > MaxEmptyPagesInARow)
        {
            throw new ConnectorInternalException($"Meta returned {_emptyInARow} empty pages in a row, each saying more follow, while reading {what}; the read stops rather than loop.");
        }
    }
}
