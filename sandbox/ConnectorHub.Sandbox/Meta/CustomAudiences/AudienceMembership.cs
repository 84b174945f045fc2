namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// Who is in one audience. Rows that share an identifying value (email, phone, MADID, external id) are the same
/// person, so re-uploading a row never duplicates anyone; rows with only name and address fields are matched on
/// all of them together. Not thread-safe: the owning audience locks.
/// </summary>
internal sealed class AudienceMembership
{
    private readonly Dictionary<string, Person> _index = new(StringComparer.Ordinal);
    private readonly HashSet<Person> _people = [];

    public int Count => _people.Count;

    public void Add(IReadOnlyDictionary<string, string> row)
    {
        var found = Identities(row).Select(id => _index.GetValueOrDefault(id)).OfType<Person>().Distinct().ToList();
        var person = found.FirstOrDefault() ?? new Person();
        _people.Add(person);
        foreach (var other in found.Skip(1))
        {
            foreach (var (key, values) in other.Values)
            {
                person.Values.TryAdd(key, []);
                person.Values[key].UnionWith(values);
            }

            _people.Remove(other);
        }

        foreach (var (key, value) in row)
        {
            person.Values.TryAdd(key, []);
            person.Values[key].Add(value);
        }

        var ids = AllIdentities(person).ToList();
        if (ids.Count == 0)
        {
            ids.Add(Composite(row));
        }

        foreach (var id in ids)
        {
            _index[id] = person;
        }
    }

    public void Remove(IReadOnlyDictionary<string, string> row)
    {
        var matched = Identities(row).ToList();
        foreach (var person in matched.Select(id => _index.GetValueOrDefault(id)).OfType<Person>().Distinct().ToList())
        {
            _people.Remove(person);
            foreach (var id in AllIdentities(person).Concat(matched))
            {
                _index.Remove(id);
            }
        }
    }

    public IReadOnlyList<AudienceUser> Snapshot() => _people
        .Select(p => new AudienceUser(p.Values.ToDictionary(v => v.Key, v => (IReadOnlySet<string>)new HashSet<string>(v.Value), StringComparer.Ordinal)))
        .ToList();

    /// <summary>A row's identities: one per identifying value, or the name-and-address composite when it has none.</summary>
    private static IEnumerable<string> Identities(IReadOnlyDictionary<string, string> row)
    {
        var strong = row.Where(p => MatchKeys.IsIdentity(p.Key)).Select(p => $"{p.Key}:{p.Value}").ToList();
        return strong.Count > 0 ? strong : [Composite(row)];
    }

    private static IEnumerable<string> AllIdentities(Person person) =>
        person.Values.Where(p => MatchKeys.IsIdentity(p.Key)).SelectMany(p => p.Value.Select(v => $"{p.Key}:{v}"));

    private static string Composite(IReadOnlyDictionary<string, string> row) =>
        "PII:" + string.Join('|', row.Where(p => !MatchKeys.IsIdentity(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private sealed class Person
    {
        public Dictionary<string, HashSet<string>> Values { get; } = new(StringComparer.Ordinal);
    }
}
