using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>
/// Fragments of 3 identifiers (email, phone, anonymous id) and a first name. About 30% re-observe a person already
/// seen (same email and phone, a new anonymous id), so they join and extend an existing profile; the rest are new people.
/// </summary>
internal static class BenchmarkData
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["Ann", "Bob", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana"];

    public static List<ProfileFragment> Fragments(int count, int seed, string prefix, double overlap = 0.3, int existingPeople = 0)
    {
        var random = new Random(seed);
        var fragments = new List<ProfileFragment>(count);
        var people = 0;
        for (var i = 0; i < count; i++)
        {
            var known = people + existingPeople;
            var person = known > 0 && random.NextDouble() < overlap ? random.Next(known) : -1;
            var (personPrefix, number) = person < 0 ? (prefix, people++) : person < existingPeople ? ("base", person) : (prefix, person - existingPeople);
            fragments.Add(new ProfileFragment
            {
                Source = i % 2 == 0 ? "crm" : "pos",
                RecordKey = $"{prefix}-{i}",
                ObservedAt = Start.AddSeconds(i),
                Identifiers =
                [
                    new Identifier("email", $"{personPrefix}{number}@example.com"),
                    new Identifier("phone", $"+1{PrefixDigit(personPrefix)}{number:D9}"),
                    new Identifier("anonymous_id", $"{prefix}-anon-{i}"),
                ],
                Traits = new ProfileTraits { FirstName = Names[random.Next(Names.Length)] },
            });
        }

        return fragments;
    }

    /// <summary>A digit per prefix, so the phones of different data sets never collide.</summary>
    private static int PrefixDigit(string prefix) => prefix == "base" ? 2 : 3 + (prefix.Length % 6);
}
