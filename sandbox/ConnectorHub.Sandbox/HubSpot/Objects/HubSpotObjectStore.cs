using System.Globalization;

namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>
/// The objects of one type, kept in two sorted in-memory lists: by id (list paging) and by last-modified time then
/// id (incremental search), so paging and time-window searches stay fast with 100k+ objects.
/// </summary>
public sealed class HubSpotObjectStore
{
    private static readonly Comparer<CrmObject> ByModified = Comparer<CrmObject>.Create(ModifiedOrder);
    private readonly object _gate = new();
    private readonly List<CrmObject> _byId = [];
    private readonly List<CrmObject> _byModified = [];
    private long _nextId;
    private int _archived;

    internal HubSpotObjectStore(CrmObjectType type)
    {
        Type = type;
        _nextId = type.FirstId;
    }

    /// <summary>The object type's path name (<c>contacts</c>, <c>companies</c>, <c>deals</c>).</summary>
    public string ObjectType => Type.Name;

    /// <summary>The property that holds the last-modified time for this type.</summary>
    public string ModifiedProperty => Type.ModifiedProperty;

    /// <summary>How many objects are stored, archived ones included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    internal CrmObjectType Type { get; }

    /// <summary>Creates an object and returns its id. Unknown property names are refused.</summary>
    public string Create(IReadOnlyDictionary<string, string?> properties, DateTimeOffset createdAt, DateTimeOffset? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var created = CrmObject.ToMilliseconds(createdAt);
        lock (_gate)
        {
            var item = new CrmObject(_nextId++, created, CrmObject.ToMilliseconds(updatedAt ?? createdAt), false, null, ToValues(properties, null));
            _byId.Add(item);
            InsertByModified(item);
            return item.Id.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Sets properties of object <paramref name="id"/> and stamps it modified at <paramref name="at"/>.</summary>
    public void Update(string id, IReadOnlyDictionary<string, string?> properties, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Replace(id, old => old with { UpdatedAt = CrmObject.ToMilliseconds(at), Values = ToValues(properties, old.Values) });
    }

    /// <summary>Stamps object <paramref name="id"/> modified at <paramref name="at"/> without other changes.</summary>
    public void Touch(string id, DateTimeOffset at) => Replace(id, old => old with { UpdatedAt = CrmObject.ToMilliseconds(at) });

    /// <summary>Archives (soft-deletes) object <paramref name="id"/>.</summary>
    public void Archive(string id, DateTimeOffset at) =>
        Replace(id, old => old with { Archived = true, ArchivedAt = CrmObject.ToMilliseconds(at), UpdatedAt = CrmObject.ToMilliseconds(at) });

    /// <summary>A copy of object <paramref name="id"/>, or null.</summary>
    public HubSpotObject? Find(string id)
    {
        var item = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? FindById(key) : null;
        return item is null ? null : Snapshot(item);
    }

    /// <summary>Copies of every object in id order (for tests; this copies the whole store).</summary>
    public IReadOnlyList<HubSpotObject> All()
    {
        lock (_gate)
        {
            return _byId.Select(Snapshot).ToArray();
        }
    }

    /// <summary>Fills an empty store with <paramref name="count"/> objects made by <paramref name="create"/>(index, id), in parallel.</summary>
    internal void Load<TLocal>(int count, Func<TLocal> local, Func<TLocal, int, long, CrmObject> create)
    {
        var items = new CrmObject[count];
        var firstId = Type.FirstId;
        Parallel.For(0, count, local, (i, _, state) =>
        {
            items[i] = create(state, i, firstId + i);
            return state;
        }, _ => { });

        lock (_gate)
        {
            if (_byId.Count > 0)
            {
                throw new InvalidOperationException($"The {Type.Name} store is already seeded.");
            }

            _byId.AddRange(items);
            _nextId = firstId + count;
            _byModified.AddRange(items);
            _byModified.Sort(ByModified);
        }
    }

    internal CrmObject? FindById(long id)
    {
        lock (_gate)
        {
            var index = IdIndex(id);
            return index >= 0 ? _byId[index] : null;
        }
    }

    internal CrmObject? FindByProperty(string property, string value)
    {
        lock (_gate)
        {
            return _byId.FirstOrDefault(o => string.Equals(o.Get(Type, property), value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Up to <paramref name="limit"/> objects with id at or after <paramref name="fromId"/>, and whether more follow.</summary>
    internal (IReadOnlyList<CrmObject> Page, bool More) ListFrom(long fromId, int limit, bool archived)
    {
        lock (_gate)
        {
            var start = IdIndex(fromId);
            start = start < 0 ? ~start : start;
            var page = new List<CrmObject>(limit);
            for (var i = start; i < _byId.Count; i++)
            {
                if (_byId[i].Archived != archived)
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    return (page, true);
                }

                page.Add(_byId[i]);
            }

            return (page, false);
        }
    }

    /// <summary>Runs <paramref name="scan"/> under the store's lock over the objects by id and by modified time, with the archived count.</summary>
    internal T Scan<T>(Func<IReadOnlyList<CrmObject>, IReadOnlyList<CrmObject>, int, T> scan)
    {
        lock (_gate)
        {
            return scan(_byId, _byModified, _archived);
        }
    }

    internal static int ModifiedOrder(CrmObject a, CrmObject b)
    {
        var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
        return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
    }

    private void Replace(string id, Func<CrmObject, CrmObject> change)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            throw new KeyNotFoundException($"No {Type.Name} object has id '{id}'.");
        }

        lock (_gate)
        {
            var index = IdIndex(key);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No {Type.Name} object has id '{id}'.");
            }

            var old = _byId[index];
            var updated = change(old);
            _archived += (updated.Archived ? 1 : 0) - (old.Archived ? 1 : 0);
            _byId[index] = updated;
            _byModified.RemoveAt(_byModified.BinarySearch(old, ByModified));
            InsertByModified(updated);
        }
    }

    private void InsertByModified(CrmObject item)
    {
        var at = _byModified.BinarySearch(item, ByModified);
        _byModified.Insert(at < 0 ? ~at : at, item);
    }

    private int IdIndex(long id)
    {
        int low = 0, high = _byId.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var cmp = _byId[mid].Id.CompareTo(id);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private string?[] ToValues(IReadOnlyDictionary<string, string?> properties, string?[]? current)
    {
        var values = current is null ? new string?[Type.StoredProperties.Count] : (string?[])current.Clone();
        foreach (var (name, value) in properties)
        {
            var index = Type.IndexOf(name);
            if (index < 0)
            {
                throw new ArgumentException($"{Type.Name} have no settable property '{name}'. Known: {string.Join(", ", Type.StoredProperties)}.", nameof(properties));
            }

            values[index] = value;
        }

        return values;
    }

    private HubSpotObject Snapshot(CrmObject item)
    {
        var properties = Type.StoredProperties.Concat(Type.AlwaysReturned).ToDictionary(p => p, p => item.Get(Type, p), StringComparer.Ordinal);
        return new HubSpotObject(item.Id.ToString(CultureInfo.InvariantCulture), properties, item.CreatedAt, item.UpdatedAt, item.Archived);
    }
}
