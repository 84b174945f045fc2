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
/// <remarks>Not thread-safe: give each generating thread its own instance (creating one is cheap).</remarks>
public sealed class SandboxPeople
{
    /// <summary>The seed the sandbox uses unless told otherwise.</summary>
    public const int DefaultSeed = 20240601;

    private static readonly string[] AreaCodes =
    [
        "201", "202", "206", "212", "213", "214", "305", "312", "315", "404", "415", "503", "512", "602", "617",
        "646", "702", "713", "718", "720", "773", "804", "808", "818", "917", "919", "949", "971", "978", "985",
    ];

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example"];

    // A prime step that is coprime with the 8,000,000 subscriber numbers, so numbers never repeat.
    private const int SubscriberStep = 7919;
    private const int SubscriberSpace = 8_000_000;
    private static readonly DateOnly Today = new(2024, 6, 1);

    private readonly int _seed;
    private readonly Name _names = new("en");
    private readonly Address _addresses = new("en");
    private readonly Company _companies = new("en");

    /// <summary>Creates the population of <paramref name="seed"/>.</summary>
    public SandboxPeople(int seed = DefaultSeed) => _seed = seed;

    /// <summary>Person number <paramref name="index"/> (zero-based).</summary>
    public SandboxPerson Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Randomizer(unchecked((_seed * 1_000_003) + index));
        _names.Random = random;
        _addresses.Random = random;
        _companies.Random = random;

        var first = _names.FirstName();
        var last = _names.LastName();
        var email = $"{EmailPart(first)}.{EmailPart(last)}{index}@{EmailDomains[index % EmailDomains.Length]}";
        // Per area code the mapping from index / AreaCodes.Length is a bijection, so numbers never repeat.
        var scrambled = ((long)(index / AreaCodes.Length) * SubscriberStep) + ((index % AreaCodes.Length) * 1_234_567L) + 345_678L;
        var subscriber = 2_000_000 + (int)(scrambled % SubscriberSpace);
        var phone = AreaCodes[index % AreaCodes.Length] + subscriber.ToString(CultureInfo.InvariantCulture);
        var address = new SandboxAddress(
            _addresses.StreetAddress(),
            _addresses.City(),
            _addresses.StateAbbr(),
            _addresses.ZipCode("#####"),
            "US");
        var birthDate = Today.AddDays(-random.Number(18 * 365, 80 * 365));
        return new SandboxPerson(index, first, last, email, phone, address, _companies.CompanyName(), _names.JobTitle(), birthDate);
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
}
