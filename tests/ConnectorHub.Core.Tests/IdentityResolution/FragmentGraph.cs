using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tests.IdentityResolution;

/// <summary>Random fragments over a small identifier pool, and the oracle: the connected components of their identifier graph.</summary>
public static class FragmentGraph
{
    private static readonly string[] Types = ["email", "phone", "user_id", "anonymous_id", "hubspot.contact_id"];

    public static List<ProfileFragment> Random(Random random, int count, int pool, DateTimeOffset start)
    {
        var fragments = new List<ProfileFragment>(count);
        for (var i = 0; i < count; i++)
        {
            var identifiers = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => random.Next(pool))
                .Select(n => Types[n % Types.Length] == "phone" ? new Identifier("phone", $"+1555{n:D6}") : new Identifier(Types[n % Types.Length], $"id-{n}"))
                .ToArray();
            fragments.Add(new ProfileFragment
            {
                Source = "test",
                RecordKey = $"r{i}",
                ObservedAt = start.AddMinutes(random.Next(10_000)),
                Identifiers = identifiers,
            });
        }

        return fragments;
    }

    /// <summary>Each component as its identifiers (type:value) sorted and joined by spaces.</summary>
    public static HashSet<string> Components(IEnumerable<ProfileFragment> fragments)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var fragment in fragments)
        {
            var keys = fragment.Identifiers.Select(i => i.ToString()).ToArray();
            foreach (var key in keys)
            {
                parent.TryAdd(key, key);
            }

            foreach (var key in keys.Skip(1))
            {
                parent[Find(key)] = Find(keys[0]);
            }
        }

        return parent.Keys.GroupBy(Find).Select(g => string.Join(' ', g.Order(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
    }

    public static List<T> Shuffled<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
