using System.Globalization;
using System.Text;
using Bogus;
using Bogus.DataSets;

namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>People made by Bogus from a fixed seed: person <c>i</c> depends only on the seed and <c>i</c>.</summary>
/// <remarks>Not thread-safe; the seed runs on one thread.</remarks>
public sealed class BogusSquarePeople(int seed = BogusSquarePeople.DefaultSeed) : ISquarePeople
{
    /// <summary>The seed used unless told otherwise.</summary>
    public const int DefaultSeed = 20240601;

    private static readonly string[] AreaCodes = ["212", "305", "312", "415", "503", "512", "617", "646", "718", "917"];
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];
    private static readonly DateOnly Today = new(2024, 6, 1);

    private readonly Name _names = new("en");
    private readonly Address _addresses = new("en");

    /// <inheritdoc />
    public SquarePerson Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Randomizer(unchecked((seed * 1_000_003) + index));
        _names.Random = random;
        _addresses.Random = random;
        var first = _names.FirstName();
        var last = _names.LastName();
        // Index-derived subscriber numbers never repeat, so every person has their own phone.
        var phone = AreaCodes[index % AreaCodes.Length] + (2_000_000 + ((index * 7919L) % 7_000_000)).ToString(CultureInfo.InvariantCulture);
        return new SquarePerson(
            index,
            first,
            last,
            $"{EmailPart(first)}.{EmailPart(last)}{index}@{Domains[index % Domains.Length]}",
            phone,
            _addresses.StreetAddress(),
            _addresses.City(),
            _addresses.StateAbbr(),
            _addresses.ZipCode("#####"),
            Today.AddDays(-random.Number(18 * 365, 80 * 365)));
    }

    private static string EmailPart(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit))
        {
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.Length == 0 ? "person" : builder.ToString();
    }
}
