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

    /// <summary>The country with this alpha-2 code (any case), or null.</summary>
    public static Country? ByAlpha2(string code) =>
        Data.Value.ByAlpha2.TryGetValue(code.Trim().ToUpperInvariant(), out var country) ? country : null;

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
            var country = new Country(parts[0], parts[1], parts[2]);
            tables.ByAlpha2[country.Alpha2] = country;
            foreach (var name in new[] { country.Alpha2, country.Alpha3, country.Name }.Concat(parts[3].Split(';')))
            {
                var key = Key(name);
                if (key.Length > 0)
                {
                    tables.ByKey.TryAdd(key, country);
                }
            }
        }

        return tables;
    }

    private sealed class Tables
    {
        public Dictionary<string, Country> ByAlpha2 { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Country> ByKey { get; } = new(StringComparer.Ordinal);
    }
}
