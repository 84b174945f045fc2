namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>One page of records ordered by a sort key, after the key a cursor carries.</summary>
internal static class KeysetPage
{
    /// <summary>
    /// Orders <paramref name="matching"/> by <paramref name="key"/> (ordinal; reversed when descending), skips up to and
    /// including <paramref name="afterKey"/>, and takes <paramref name="limit"/>; <c>More</c> says whether records remain.
    /// </summary>
    public static (List<T> Page, bool More) Take<T>(IEnumerable<T> matching, Func<T, string> key, bool descending, string? afterKey, int limit)
    {
        var ordered = descending
            ? matching.OrderByDescending(key, StringComparer.Ordinal)
            : matching.OrderBy(key, StringComparer.Ordinal);
        var remaining = afterKey is null
            ? ordered
            : ordered.Where(r => descending
                ? string.CompareOrdinal(key(r), afterKey) < 0
                : string.CompareOrdinal(key(r), afterKey) > 0);
        var page = remaining.Take(limit + 1).ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return (page, more);
    }
}
