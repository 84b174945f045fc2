using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Destinations.Hashing;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

/// <summary>
/// Meta's normalization rules for customer-file values, applied before hashing (see Meta's "Hashing and
/// Normalizing Data" table). Each method returns the normalized value, or null when nothing usable is left.
/// </summary>
internal static partial class MetaNormalizer
{
    /// <summary>EMAIL: trim, lower-case; null unless it looks like an address.</summary>
    public static string? Email(string? raw)
    {
        var email = raw?.Trim().ToLowerInvariant();
        return email is not null && EmailShape().IsMatch(email) ? email : null;
    }

    /// <summary>
    /// PHONE: the number with its country code, digits only. A number libphonenumber reads as valid (a national one
    /// in the member's <paramref name="country"/>) is its E.164 form without the plus: <c>(415) 555-0132</c> in the US
    /// is <c>14155550132</c>. Anything else keeps Meta's plain rule (symbols and letters removed, leading zeros removed).
    /// </summary>
    public static string? Phone(string? raw, string? country = null)
    {
        if (IdentifierHashing.NormalizePhoneDigits(raw, country) is { } digitsWithCountry)
        {
            return digitsWithCountry;
        }

        var digits = new string((raw ?? string.Empty).Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        return digits.Length is >= 7 and <= 15 ? digits : null;
    }

    /// <summary>FN and LN: lower-case letters only (any script, UTF-8, NFC); punctuation, digits and spaces removed.</summary>
    public static string? Name(string? raw) => LettersOnly(raw);

    /// <summary>CT: lower-case letters only, no spaces or punctuation (<c>Menlo Park</c> is <c>menlopark</c>).</summary>
    public static string? City(string? raw) => LettersOnly(raw);

    /// <summary>
    /// ST: for the US, the 2-letter ANSI code in lower case (a full state name is converted); elsewhere lower-case
    /// letters and digits with punctuation and spaces removed.
    /// </summary>
    public static string? State(string? raw, string? country)
    {
        var state = Alphanumeric(raw);
        if (state is null || !IsUsOrUnknown(country))
        {
            return state;
        }

        return state.Length == 2 ? state : UsStates.CodeOf(state) ?? (IsUs(country) ? null : state);
    }

    /// <summary>ZIP: lower-case without spaces; a US code keeps its first 5 digits (<c>94025-1234</c> is <c>94025</c>).</summary>
    public static string? Zip(string? raw, string? country)
    {
        var zip = new string((raw ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        if (zip.Length == 0)
        {
            return null;
        }

        var us = UsZip().Match(zip);
        if (IsUs(country) || (country is null && us.Success))
        {
            return us.Success ? us.Groups[1].Value : null;
        }

        return zip;
    }

    /// <summary>COUNTRY: the ISO 3166-1 alpha-2 code in lower case.</summary>
    public static string? Country(string? raw)
    {
        var country = raw?.Trim().ToLowerInvariant();
        return country is { Length: 2 } && country.All(char.IsAsciiLetterLower) ? country : null;
    }

    /// <summary>DOBY, DOBM, DOBD: <c>YYYY</c>, <c>MM</c>, <c>DD</c>; null before 1900, which Meta does not take.</summary>
    public static (string Year, string Month, string Day)? BirthDate(DateOnly date) => date.Year < 1900 ? null : (
        date.Year.ToString("D4", CultureInfo.InvariantCulture),
        date.Month.ToString("D2", CultureInfo.InvariantCulture),
        date.Day.ToString("D2", CultureInfo.InvariantCulture));

    /// <summary>GEN: <c>m</c> or <c>f</c> (from <c>m</c>, <c>male</c>, <c>man</c>, <c>f</c>, <c>female</c>, <c>woman</c>, any case); null for anything else.</summary>
    public static string? Gender(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "m" or "male" or "man" => "m",
        "f" or "female" or "woman" => "f",
        _ => null,
    };

    /// <summary>MADID (not hashed): lower case, hyphens kept; null unless it is an IDFA/GAID-shaped UUID.</summary>
    public static string? MobileAdvertiserId(string? raw)
    {
        var maid = raw?.Trim().ToLowerInvariant();
        return maid is not null && Uuid().IsMatch(maid) ? maid : null;
    }

    /// <summary>EXTERN_ID (not hashed): the advertiser's own id, trimmed.</summary>
    public static string? ExternalId(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static string? LettersOnly(string? raw) => Keep(raw, c => char.IsLetter(c) || IsMark(c));

    private static string? Alphanumeric(string? raw) => Keep(raw, c => char.IsLetterOrDigit(c) || IsMark(c));

    private static string? Keep(string? raw, Func<char, bool> keep)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormC).ToLowerInvariant().Where(keep))
        {
            builder.Append(c);
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsUs(string? country) => string.Equals(country?.Trim(), "us", StringComparison.OrdinalIgnoreCase);

    private static bool IsUsOrUnknown(string? country) => string.IsNullOrWhiteSpace(country) || IsUs(country);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^(\d{5})(-?\d{4})?$")]
    private static partial Regex UsZip();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();
}
