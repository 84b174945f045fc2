using System.Text;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Normalizers.Countries;

namespace ConnectorHub.Core.Mapping.Normalizers.Phones;

/// <summary>
/// Turns a phone number as people type it into E.164 (<c>+14155550132</c>): international prefixes (+, 00, 011, ...),
/// national trunk prefixes (the 0 of <c>020 7946 0958</c>, the (0) of <c>+49 (0)30 ...</c>), extensions dropped, and
/// length checks for the country's numbering plan. Not a full libphonenumber: it checks lengths, not number ranges.
/// </summary>
internal static partial class PhoneNumberParser
{
    // International call prefixes besides "00" (which every region here treats as international).
    private static readonly Dictionary<string, string[]> ExtraInternationalPrefixes = new(StringComparer.Ordinal)
    {
        ["1"] = ["011"],
        ["61"] = ["0011"],
        ["81"] = ["010"],
        ["7"] = ["810"],
        ["375"] = ["810"],
        ["82"] = ["001", "002", "005", "006", "008"],
        ["65"] = ["000", "001", "002", "008"],
        ["852"] = ["001", "002", "009"],
    };

    public static bool TryToE164(string input, Country? region, out string e164, out string error)
    {
        e164 = string.Empty;
        if (!TryExtractDigits(input, out var digits, out var international, out error))
        {
            return false;
        }

        if (international)
        {
            return TryInternational(input, digits, out e164, out error);
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return TryInternational(input, digits[2..], out e164, out error);
        }

        if (region is not null && ExtraInternationalPrefixes.TryGetValue(region.CallingCode, out var prefixes))
        {
            foreach (var prefix in prefixes)
            {
                if (digits.StartsWith(prefix, StringComparison.Ordinal) && digits.Length > prefix.Length + 7)
                {
                    return TryInternational(input, digits[prefix.Length..], out e164, out error);
                }
            }
        }

        if (region is null)
        {
            error = $"'{input}' has no country code (+...) and no default region is set: set settings.default_region or pass a region to phone";
            return false;
        }

        if (TryNational(input, digits, region, out e164, out error))
        {
            return true;
        }

        // Numbers written with their country code but without the +, such as 15559876543 or 447911123456.
        return digits.Length >= 8 && TryInternational(input, digits, out e164, out _);
    }

    private static bool TryExtractDigits(string input, out string digits, out bool international, out string error)
    {
        var text = Extension().Replace(input, string.Empty);
        text = TrunkInBrackets().Replace(text, " ");
        text = text.Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var builder = new StringBuilder(text.Length);
        international = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (char.IsDigit(c))
            {
                builder.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (c is '+' or '\uFF0B' && builder.Length == 0 && !international)
            {
                international = true;
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')' or '/' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014'))
            {
                digits = string.Empty;
                error = $"'{input}' is not a phone number: unexpected '{c}'";
                return false;
            }
        }

        digits = builder.ToString();
        error = string.Empty;
        if (digits.Length < 4)
        {
            error = $"'{input}' is not a phone number: too few digits";
            return false;
        }

        return true;
    }

    private static bool TryInternational(string input, string digits, out string e164, out string error)
    {
        for (var length = 1; length <= 3 && length < digits.Length; length++)
        {
            var country = CountryTable.ByCallingCode(digits[..length]);
            if (country is not null)
            {
                var national = digits[length..];
                // "+44 020 ..." and "+1 1 415 ...": a trunk prefix written after the country code.
                if (country.TrunkPrefix.Length > 0 && national.StartsWith(country.TrunkPrefix, StringComparison.Ordinal)
                    && national.Length - country.TrunkPrefix.Length >= country.MinNationalLength)
                {
                    national = national[country.TrunkPrefix.Length..];
                }

                return TryComplete(input, country, national, out e164, out error);
            }
        }

        e164 = string.Empty;
        error = $"'{input}' does not start with a known country calling code";
        return false;
    }

    private static bool TryNational(string input, string digits, Country region, out string e164, out string error)
    {
        var national = digits;
        var trunk = region.TrunkPrefix;
        if (trunk.Length > 0 && digits.StartsWith(trunk, StringComparison.Ordinal)
            && digits.Length - trunk.Length >= region.MinNationalLength)
        {
            national = digits[trunk.Length..];
        }

        return TryComplete(input, region, national, out e164, out error);
    }

    private static bool TryComplete(string input, Country country, string national, out string e164, out string error)
    {
        e164 = string.Empty;
        var total = country.CallingCode.Length + national.Length;
        if (national.Length < country.MinNationalLength || national.Length > country.MaxNationalLength || total > 15)
        {
            var expected = country.MinNationalLength == country.MaxNationalLength
                ? $"{country.MinNationalLength}"
                : $"{country.MinNationalLength} to {country.MaxNationalLength}";
            error = $"'{input}' is not a valid {country.Alpha2} phone number: {national.Length} digits after the country code +{country.CallingCode}, expected {expected}";
            return false;
        }

        if (country.CallingCode == "1" && (national[0] < '2' || national[3] < '2'))
        {
            error = $"'{input}' is not a valid North American number: the area code and the exchange cannot start with 0 or 1";
            return false;
        }

        e164 = "+" + country.CallingCode + national;
        error = string.Empty;
        return true;
    }

    [GeneratedRegex(@"(?:[,;]\s*ext\s*=?|\s*(?:ext\.?|extension|x|#)\s*)\d{1,6}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extension();

    [GeneratedRegex(@"\(\s*0\s*\)")]
    private static partial Regex TrunkInBrackets();
}
