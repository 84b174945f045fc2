namespace ConnectorHub.Sandbox.Square;

/// <summary>
/// Sorted views of the data for keyset paging, kept until the data changes: paging through a large seed (50,000
/// orders for the flat-memory check, say) then costs each request its page, not a sort of everything.
/// </summary>
public sealed partial class SquareEmulator
{
    private readonly Dictionary<string, object> _sorted = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>
    /// <paramref name="records"/> ascending by <paramref name="key"/>, cached under <paramref name="name"/> (which must
    /// name the key too) until the next change made through the emulator's methods. Call under <see cref="Gate"/>.
    /// </summary>
    internal IReadOnlyList<T> Sorted<T>(string name, List<T> records, Func<T, string> key)
    {
        if (_sorted.TryGetValue(name, out var cached) && cached is SortedView<T> view && view.Version == _version)
        {
            return view.Records;
        }

        // Only the order is kept, not the keys: a page looks up a few keys to find its place (see KeysetPage).
        var sorted = records.OrderBy(key, StringComparer.Ordinal).ToArray();
        _sorted[name] = new SortedView<T>(_version, sorted);
        return sorted;
    }

    /// <summary>Notes a change of the data (under <see cref="Gate"/>): sorted views are rebuilt on next use.</summary>
    private void Changed() => _version++;

    private sealed record SortedView<T>(long Version, T[] Records);
}
