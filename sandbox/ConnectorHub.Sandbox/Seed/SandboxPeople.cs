using System.Globalization;
using System.Text;
using Bogus;
using Bogus.DataSets;

namespace ConnectorHub.Sandbox.Seed;

/// <summary>
/// The sandbox's shared population: person <c>i</c> is a pure function of the seed and <c>i</c>, so every run and
/// every emulator sees the same people. HubSpot contacts draw from it, and so do later emulators (Square
/// customers, ...), each with its own formatting, so one person shows up in several systems.
/// </summary>
/// <remarks>
/// Not thread-safe: give each generating thread its own instance (<see cref="ForAnotherThread"/> is cheap).
/// Cities, streets, employers and titles come from pools drawn once per seed (people share them, as real
/// customers do), which keeps generating 100k people fast.
/// </remarks>
public sealed class SandboxPeople
{
    /// <summary>The seed the sandbox uses unless told otherwise.</summary>
    public const int DefaultSeed = 20240601;

    private const int PoolSize = 2048;

    // A prime step that is coprime with the 8,000,000 subscriber numbers, so numbers never repeat.
    private const int SubscriberStep = 7919;
    private const int SubscriberSpace = 8_000_000;

    /// <summary>Area codes in use, so every made-up number is one a phone library accepts.</summary>
    internal static readonly string[] AreaCodes =
    [
        "201", "202", "206", "212", "213", "214", "305", "312", "315", "404", "415", "503", "512", "602", "617",
        "646", "702", "713", "718", "720", "773", "804", "808", "818", "917", "919", "949", "971", "978", "985",
    ];

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example"];
    private static readonly DateOnly Today = new(2024, 6, 1);

    private readonly int _seed;
    private readonly Pools _pools;
    private readonly Name _names = new("en");

    /// <summary>Creates the population of <paramref name="seed"/>.</summary>
    public SandboxPeople(int seed = DefaultSeed)
        : this(seed, Pools.Draw(seed))
    {
    }

    private SandboxPeople(int seed, Pools pools)
    {
        _seed = seed;
        _pools = pools;
    }

    /// <summary>The same population for use on another thread (shares the drawn pools).</summary>
    public SandboxPeople ForAnotherThread() => new(_seed, _pools);

    /// <summary>Person number <paramref name="index"/> (zero-based).</summary>
    public SandboxPerson Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Randomizer(unchecked((_seed * 1_000_003) + index));
        _names.Random = random;

        var first = _names.FirstName();
        var last = _names.LastName();
        var email = $"{EmailPart(first)}.{EmailPart(last)}{index}@{EmailDomains[index % EmailDomains.Length]}";

        // Per area code the mapping from index / AreaCodes.Length is a bijection, so numbers never repeat.
        var scrambled = ((long)(index / AreaCodes.Length) * SubscriberStep) + ((index % AreaCodes.Length) * 1_234_567L) + 345_678L;
        var phone = AreaCodes[index % AreaCodes.Length] + (2_000_000 + (int)(scrambled % SubscriberSpace)).ToString(CultureInfo.InvariantCulture);
        var address = new SandboxAddress(
            $"{random.Number(1, 9999).ToString(CultureInfo.InvariantCulture)} {random.ArrayElement(_pools.Streets)}",
            random.ArrayElement(_pools.Cities),
            random.ArrayElement(_pools.States),
            random.Number(1001, 99950).ToString("D5", CultureInfo.InvariantCulture),
            "US");
        var birthDate = Today.AddDays(-random.Number(18 * 365, 80 * 365));
        return new SandboxPerson(index, first, last, email, phone, address, random.ArrayElement(_pools.Companies), random.ArrayElement(_pools.Titles), birthDate);
    }

    /// <summary>People <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1, generated as enumerated.</summary>
    public IEnumerable<SandboxPerson> Range(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Generate(start, count);
    }

    private IEnumerable<SandboxPerson> Generate(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return Get(i);
        }
    }

    private static string EmailPart(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Length == 0 ? "person" : builder.ToString();
    }

    /// <summary>Values people share, drawn once per seed with Bogus.</summary>
    private sealed record Pools(string[] Streets, string[] Cities, string[] States, string[] Companies, string[] Titles)
    {
        public static Pools Draw(int seed)
        {
            var random = new Randomizer(seed);
            var addresses = new Address("en") { Random = random };
            var companies = new Company("en") { Random = random };
            var names = new Name("en") { Random = random };
            return new Pools(
                Draw(addresses.StreetName),
                Draw(addresses.City),
                Draw(addresses.StateAbbr, 50),
                Draw(() => companies.CompanyName(), PoolSize / 2),
                Draw(names.JobTitle, PoolSize / 4));
        }

        private static string[] Draw(Func<string> next, int count = PoolSize) => Enumerable.Range(0, count).Select(_ => next()).ToArray();
    }
}
