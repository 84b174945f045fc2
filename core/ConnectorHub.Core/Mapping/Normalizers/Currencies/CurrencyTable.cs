using System.Globalization;
using System.Text;

namespace ConnectorHub.Core.Mapping.Normalizers.Currencies;

/// <summary>ISO 4217 currency codes with their minor-unit digits (embedded <c>currencies.txt</c>), and common symbols.</summary>
internal static class CurrencyTable
{
    private const string ResourceName = "ConnectorHub.Core.Mapping.Normalizers.Currencies.currencies.txt";

    private static readonly Lazy<Dictionary<string, int>> MinorDigits = new(Load);

    // Symbols that name one currency. "$", "kr", "¥" and friends are ambiguous: see Resolve.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR", ["£"] = "GBP", ["₹"] = "INR", ["₩"] = "KRW", ["₽"] = "RUB", ["₺"] = "TRY", ["₪"] = "ILS",
        ["₫"] = "VND", ["₴"] = "UAH", ["₦"] = "NGN", ["₱"] = "PHP", ["฿"] = "THB", ["zł"] = "PLN", ["Kč"] = "CZK",
        ["Ft"] = "HUF", ["lei"] = "RON", ["₸"] = "KZT", ["₡"] = "CRC", ["₲"] = "PYG", ["₵"] = "GHS", ["৳"] = "BDT",
        ["₮"] = "MNT", ["₭"] = "LAK", ["៛"] = "KHR", ["₼"] = "AZN", ["₾"] = "GEL", ["R$"] = "BRL", ["US$"] = "USD",
        ["C$"] = "CAD", ["CA$"] = "CAD", ["A$"] = "AUD", ["AU$"] = "AUD", ["NZ$"] = "NZD", ["HK$"] = "HKD",
        ["S$"] = "SGD", ["Mex$"] = "MXN", ["MX$"] = "MXN", ["NT$"] = "TWD", ["R"] = "ZAR", ["Fr."] = "CHF",
        ["CHF"] = "CHF", ["RM"] = "MYR", ["Rp"] = "IDR", ["euro"] = "EUR", ["euros"] = "EUR",
    };

    // Symbols shared by several currencies: the default currency wins when it is one of them.
    private static readonly Dictionary<string, string[]> SharedSymbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "TWD", "ARS", "CLP", "COP", "UYU", "BSD", "BBD", "BMD", "BZD", "FJD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD"],
        ["kr"] = ["SEK", "NOK", "DKK", "ISK"],
        ["kr."] = ["DKK", "ISK", "SEK", "NOK"],
        ["¥"] = ["JPY", "CNY"],
        ["元"] = ["CNY"],
        ["円"] = ["JPY"],
        ["Rs"] = ["INR", "PKR", "LKR", "NPR", "MUR", "SCR"],
        ["Rs."] = ["INR", "PKR", "LKR", "NPR", "MUR", "SCR"],
        ["dollar"] = ["USD", "CAD", "AUD", "NZD"],
        ["dollars"] = ["USD", "CAD", "AUD", "NZD"],
        ["pound"] = ["GBP"],
        ["pounds"] = ["GBP"],
    };

    public static bool IsCode(string code) => MinorDigits.Value.ContainsKey(code);

    /// <summary>How many digits the currency's minor unit has (2 for USD, 0 for JPY, 3 for KWD).</summary>
    public static int MinorUnitDigits(string code) => MinorDigits.Value.TryGetValue(code, out var digits) ? digits : 2;

    /// <summary>The ISO code for a code (any case) or symbol; <paramref name="defaultCode"/> settles shared symbols.</summary>
    public static string? Resolve(string text, string? defaultCode)
    {
        var trimmed = text.Trim();
        var upper = trimmed.ToUpperInvariant();
        if (upper.Length == 3 && IsCode(upper))
        {
            return upper;
        }

        if (Symbols.TryGetValue(trimmed, out var code))
        {
            return code;
        }

        if (SharedSymbols.TryGetValue(trimmed, out var candidates))
        {
            return defaultCode is not null && candidates.Contains(defaultCode, StringComparer.Ordinal) ? defaultCode : candidates[0];
        }

        return null;
    }

    private static Dictionary<string, int> Load()
    {
        using var stream = typeof(CurrencyTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"ConnectorHub.Core is missing its embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                table[line[..3]] = int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
            }
        }

        return table;
    }
}
