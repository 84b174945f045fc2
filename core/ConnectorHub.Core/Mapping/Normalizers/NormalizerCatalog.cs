using ConnectorHub.Core.Mapping.Normalizers.Countries;
using ConnectorHub.Core.Mapping.Normalizers.Currencies;
using ConnectorHub.Core.Mapping.Normalizers.DateTimes;
using ConnectorHub.Core.Mapping.Normalizers.Phones;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>The built-in normalizers by name, and how to make one from a rule's arguments.</summary>
internal static class NormalizerCatalog
{
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["email"] = new([], (_, _) => new EmailNormalizer()),
        ["phone"] = new(["region"], (args, d) => new PhoneNormalizer(Region(args, d))),
        ["country"] = new([], (_, _) => new CountryNormalizer()),
        ["name"] = new([], (_, _) => new NameNormalizer()),
        ["datetime"] = new(["zone", "order", "utc"], (args, d) => new DateTimeNormalizer(Zone(args, d), Order(args, d), Flag(args, "utc"))),
        ["date"] = new(["order"], (args, d) => new DateNormalizer(Order(args, d))),
        ["currency"] = new(["default"], (args, d) => new CurrencyNormalizer(Currency(args, "default", d))),
        ["minor_units"] = new(["currency"], (args, d) => new MinorUnitsNormalizer(Currency(args, "currency", d))),
        ["sha256"] = new([], (_, _) => new Sha256Normalizer()),
        ["lowercase"] = new([], (_, _) => new LowercaseNormalizer()),
        ["uppercase"] = new([], (_, _) => new UppercaseNormalizer()),
        ["trim"] = new([], (_, _) => new TrimNormalizer()),
    };

    public static IEnumerable<string> Names => Entries.Keys;

    public static bool Exists(string name) => Entries.ContainsKey(name);

    /// <summary>The names of a normalizer's arguments, its main argument first (empty for an unknown name).</summary>
    public static IReadOnlyList<string> ArgumentsOf(string name) => Entries.TryGetValue(name, out var entry) ? entry.Arguments : [];

    /// <summary>
    /// Makes a normalizer; throws <see cref="ArgumentException"/> with a user-facing message for an unknown name or a bad
    /// argument. The empty argument name is the normalizer's main argument (<c>phone: GB</c>).
    /// </summary>
    public static INormalizer Create(string name, IReadOnlyDictionary<string, string> arguments, NormalizerDefaults defaults)
    {
        if (!Entries.TryGetValue(name, out var entry))
        {
            throw new ArgumentException($"unknown normalizer '{name}'; the built-in ones are {string.Join(", ", Entries.Keys)}");
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            var argument = key.Length == 0 && entry.Arguments.Length > 0 ? entry.Arguments[0] : key;
            if (!entry.Arguments.Contains(argument, StringComparer.Ordinal))
            {
                var accepted = entry.Arguments.Length == 0 ? "it takes no arguments" : $"it accepts {string.Join(", ", entry.Arguments)}";
                throw new ArgumentException($"normalizer '{name}' has no argument '{(key.Length == 0 ? value : key)}': {accepted}");
            }

            named[argument] = value;
        }

        return entry.Create(named, defaults);
    }

    private static Country? Region(Dictionary<string, string> args, NormalizerDefaults defaults)
    {
        if (!args.TryGetValue("region", out var code))
        {
            return defaults.Region;
        }

        return CountryTable.ByAlpha2(code) ?? CountryTable.Find(code)
            ?? throw new ArgumentException($"'{code}' is not an ISO 3166-1 region for phone numbers (such as US or GB)");
    }

    private static TimeZoneInfo Zone(Dictionary<string, string> args, NormalizerDefaults defaults)
    {
        if (!args.TryGetValue("zone", out var id))
        {
            return defaults.Zone;
        }

        return NormalizerDefaults.TryFindZone(id, out var zone, out var error) ? zone : throw new ArgumentException(error);
    }

    private static DateOrder Order(Dictionary<string, string> args, NormalizerDefaults defaults)
    {
        if (!args.TryGetValue("order", out var text))
        {
            return defaults.Order;
        }

        return NormalizerDefaults.TryParseOrder(text, out var order)
            ? order
            : throw new ArgumentException($"'{text}' is not a date order: use mdy (03/05 is March 5) or dmy (03/05 is 3 May)");
    }

    private static string? Currency(Dictionary<string, string> args, string argument, NormalizerDefaults defaults)
    {
        if (!args.TryGetValue(argument, out var code))
        {
            return defaults.Currency;
        }

        var upper = code.Trim().ToUpperInvariant();
        return CurrencyTable.IsCode(upper) ? upper : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code");
    }

    private static bool Flag(Dictionary<string, string> args, string argument) =>
        args.TryGetValue(argument, out var text) && (bool.TryParse(text, out var flag)
            ? flag
            : throw new ArgumentException($"'{text}' is not true or false (argument '{argument}')"));

    private sealed record Entry(string[] Arguments, Func<Dictionary<string, string>, NormalizerDefaults, INormalizer> Create);
}
