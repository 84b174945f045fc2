using System.Globalization;
using System.Text;

namespace ConnectorHub.Core.Mapping.Normalizers.Countries;

/// <summary>
/// The ISO 3166-1 table (embedded <c>countries.txt</c>), looked up by code, name or common alias, ignoring case,
/// accents, spaces and punctuation.
/// </summary>
internal static class CountryTable
{
    private const string ResourceName = "ConnectorHub.Core.Mapping.Normalizers.Countries.countries.txt";

    private static readonly Lazy<Tables> Data = new(Load);

    // Calling codes shared by several regions: the region whose numbering plan the others follow.
    private static readonly Dictionary<string, string> MainRegionOfSharedCode = new(StringComparer.Ordinal)
    {
        ["1"] = "US", ["7"] = "RU", ["39"] = "IT", ["44"] = "GB", ["47"] = "NO", ["61"] = "AU", ["64"] = "NZ",
        ["212"] = "MA", ["262"] = "RE", ["290"] = "SH", ["358"] = "FI", ["500"] = "FK", ["590"] = "GP",
        ["599"] = "CW", ["672"] = "NF",
    };

    /// <summary>The country with this alpha-2 code (any case), or null.</summary>
    public static Country? ByAlpha2(string code) =>
        Data.Value.ByAlpha2.TryGetValue(code.Trim().ToUpperInvariant(), out var country) ? country : null;

    /// <summary>The main country behind a calling code (US for 1, GB for 44), or null.</summary>
    public static Country? ByCallingCode(string callingCode) =>
        Data.Value.ByCallingCode.TryGetValue(callingCode, out var country) ? country : null;

    /// <summary>Finds a country from an alpha-2 or alpha-3 code, its name or a common alias.</summary>
    public static Country? Find(string text)
    {
        var key = Key(text);
        return key.Length > 0 && Data.Value.ByKey.TryGetValue(key, out var country) ? country : null;
    }

    /// <summary>Lower-case letters and digits only, accents removed, a leading "the" dropped.</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = builder.ToString();
        var trimmed = text.TrimStart();
        return key.Length > 3 && trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? key[3..] : key;
    }

    private static Tables Load()
    {
        using var stream = typeof(CountryTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"ConnectorHub.Core is missing its embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var tables = new Tables();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('|');
            var (min, max) = Lengths(parts[4], parts[2].Length);
            var country = new Country(parts[0], parts[1], parts[2], parts[3], min, max, parts[5]);
            tables.ByAlpha2[country.Alpha2] = country;
            tables.ByCallingCode.TryAdd(country.CallingCode, country);
            foreach (var name in new[] { country.Alpha2, country.Alpha3, country.Name }.Concat(parts[6].Split(';')))
            {
                var key = Key(name);
                if (key.Length > 0)
                {
                    tables.ByKey.TryAdd(key, country);
                }
            }
        }

        foreach (var (code, region) in MainRegionOfSharedCode)
        {
            tables.ByCallingCode[code] = tables.ByAlpha2[region];
        }

        return tables;
    }

    private static (int Min, int Max) Lengths(string text, int callingCodeLength)
    {
        if (text.Length == 0)
        {
            return (4, 15 - callingCodeLength);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? (int.Parse(text, CultureInfo.InvariantCulture), int.Parse(text, CultureInfo.InvariantCulture))
            : (int.Parse(text.AsSpan(0, dash), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    private sealed class Tables
    {
        public Dictionary<string, Country> ByAlpha2 { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Country> ByCallingCode { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Country> ByKey { get; } = new(StringComparer.Ordinal);
    }
}
