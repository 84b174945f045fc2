using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>
/// One round's fragments, each of 3 identifiers (email, phone, a new anonymous id) and a first name: a share re-observe
/// a person of the world (their email and phone), a share join TWO people of the world (one's email, the other's
/// phone: a merge, which moves the loser's identifiers, events and orders to the survivor), the rest are new people.
/// Also the baseline's rows: what resolution inserts for them (a profile, its identifiers and trait per new person; the
/// new anonymous id of the others), under other keys, for a raw COPY into the same tables.
/// </summary>
internal sealed class RoundFragments
{
    private const long RawProfileIds = 1_000_000_000;
    private readonly List<(long? NewPerson, long Owner)> _kinds = [];
    private readonly DateTimeOffset _observed;

    private RoundFragments(DateTimeOffset observed) => _observed = observed;

    public List<ProfileFragment> Fragments { get; } = [];

    public int Merges { get; private set; }

    public int Reobserved { get; private set; }

    public static RoundFragments Generate(int round, int count, int worldPeople, double reobserveShare, double mergeShare)
    {
        var random = new Random(round);
        var observed = IdentityWorld.LoadedAt.AddDays(1 + round);
        var data = new RoundFragments(observed);
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var anonymousId = new Identifier("anonymous_id", People.Invariant($"r{round}-anon-{i}"));
            Identifier email, phone;
            long? newPerson = null;
            long owner;
            if (draw < mergeShare)
            {
                owner = 1 + random.Next(worldPeople);
                var other = 1 + ((owner + random.Next(1, worldPeople - 1)) % worldPeople);
                (email, phone) = (People.BaseEmail(owner), People.BasePhone(other));
                data.Merges++;
            }
            else if (draw < mergeShare + reobserveShare)
            {
                owner = 1 + random.Next(worldPeople);
                (email, phone) = (People.BaseEmail(owner), People.BasePhone(owner));
                data.Reobserved++;
            }
            else
            {
                newPerson = ((long)round * count) + i;
                owner = 0;
                (email, phone) = (People.NewEmail(newPerson.Value), People.NewPhone(newPerson.Value));
            }

            data._kinds.Add((newPerson, owner));
            data.Fragments.Add(new ProfileFragment
            {
                Source = i % 2 == 0 ? "crm" : "pos",
                RecordKey = People.Invariant($"r{round}-{i}"),
                ObservedAt = observed.AddSeconds(i),
                Identifiers = [email, phone, anonymousId],
                Traits = new ProfileTraits { FirstName = People.FirstNames[random.Next(People.FirstNames.Length)] },
            });
        }

        return data;
    }

    /// <summary>The baseline's profiles: one per new person, ids far above the hub's.</summary>
    public IEnumerable<object?[]> RawProfiles() =>
        _kinds.Where(k => k.NewPerson is not null).Select(k => new object?[] { RawProfileIds + k.NewPerson!.Value, _observed, _observed });

    /// <summary>The baseline's identifiers: a new person's three, another fragment's new anonymous id; every value prefixed <c>raw-</c>.</summary>
    public IEnumerable<object?[]> RawIdentifiers() => Fragments.SelectMany((f, i) =>
    {
        var (newPerson, owner) = _kinds[i];
        var profile = newPerson is { } n ? RawProfileIds + n : owner;
        return (newPerson is null ? f.Identifiers.Skip(2) : f.Identifiers).Select(identifier =>
        {
            var raw = new Identifier(identifier.Type, "raw-" + identifier.Value);
            return new object?[] { raw.Value, raw.Type, profile, IdentityLocks.BucketOf(raw), f.Source, f.RecordKey, f.ObservedAt, f.ObservedAt };
        });
    });

    /// <summary>The baseline's traits: a new person's first name.</summary>
    public IEnumerable<object?[]> RawTraits() => Fragments.Select((f, i) => (f, _kinds[i].NewPerson)).Where(x => x.NewPerson is not null).Select(x => new object?[]
    {
        RawProfileIds + x.NewPerson!.Value, "first_name", $"\"{x.f.Traits!.FirstName}\"", x.f.Traits.FirstName!.ToLowerInvariant(), x.f.Source, x.f.ObservedAt,
    });
}
