namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>One page of records ordered by a sort key, after the key a cursor carries.</summary>
internal static class KeysetPage
{
    /// <summary>
    /// The first <paramref name="limit"/> records that <paramref name="matches"/> past <paramref name="afterKey"/>,
    /// walking <paramref name="sorted"/> (ascending by <paramref name="key"/>, ordinal) forwards, or backwards when descending;
    /// <c>More</c> says whether matching records remain. The cursor's place is found by binary search, so a page
    /// costs what it reads, not a sort of everything.
    /// </summary>
    public static (List<T> Page, bool More) Take<T>(IReadOnlyList<T> sorted, Func<T, string> key, Func<T, bool> matches, bool descending, string? afterKey, int limit)
    {
        var page = new List<T>(Math.Min(limit, 1000));
        var step = descending ? -1 : 1;
        for (var i = Start(sorted, key, descending, afterKey); i >= 0 && i < sorted.Count; i += step)
        {
            if (!matches(sorted[i]))
            {
                continue;
            }

            if (page.Count == limit)
            {
                return (page, true);
            }

            page.Add(sorted[i]);
        }

        return (page, false);
    }

    /// <summary>The index of the first record past <paramref name="afterKey"/> in reading order.</summary>
    private static int Start<T>(IReadOnlyList<T> sorted, Func<T, string> key, bool descending, string? afterKey)
    {
        if (afterKey is null)
        {
            return descending ? sorted.Count - 1 : 0;
        }

        // The first index whose key is greater than afterKey (ascending), or one before the first not less (descending).
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            var comparison = string.CompareOrdinal(key(sorted[middle]), afterKey);
            if (descending ? comparison < 0 : comparison <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return descending ? low - 1 : low;
    }
}
