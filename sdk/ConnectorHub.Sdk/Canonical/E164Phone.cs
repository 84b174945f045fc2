using System.Globalization;
using PhoneNumbers;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>
/// Phone numbers in E.164 (<c>+14155550132</c>), the form identity keys and ad platforms' hashed matching depend on,
/// read by Google's libphonenumber: numbers as people type them (national or international, trunk prefixes, <c>(0)</c>,
/// international call prefixes such as <c>00</c> and <c>011</c>, <c>tel:</c>, vanity letters such as
/// <c>1-800-FLOWERS</c>), extensions dropped, and only numbers in a range the country actually uses accepted.
/// </summary>
public static class E164Phone
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Writes <paramref name="text"/> in E.164, reading a number without a country code as a number of
    /// <paramref name="defaultRegion"/> (ISO 3166-1 alpha-2, such as <c>US</c>); false with the reason otherwise.
    /// </summary>
    public static bool TryFormat(string text, string? defaultRegion, out string e164, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.Trim().ToUpperInvariant();
        if (TryFormat(text, text, region, out e164, out error))
        {
            return true;
        }

        // 00 is the international prefix of most of the world, so data often carries it whatever the region's own
        // prefix is (011 in North America): read "0044 20 ..." as "+44 20 ..." when the region's rules cannot.
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("00", StringComparison.Ordinal) && TryFormat(text, "+" + trimmed[2..], "ZZ", out e164, out _);
    }

    private static bool TryFormat(string text, string digits, string region, out string e164, out string error)
    {
        e164 = string.Empty;
        PhoneNumber number;
        try
        {
            number = Numbers.Parse(digits, region);
        }
        catch (NumberParseException ex)
        {
            error = ParseFailure(text, region, ex.ErrorType);
            return false;
        }

        if (!Numbers.IsValidNumber(number))
        {
            error = Invalid(text, number);
            return false;
        }

        e164 = Numbers.Format(number, PhoneNumberFormat.E164);
        error = string.Empty;
        return true;
    }

    /// <summary>The E.164 form of <paramref name="text"/>, or null when it is not a valid phone number.</summary>
    public static string? Format(string text, string? defaultRegion) =>
        TryFormat(text, defaultRegion, out var e164, out _) ? e164 : null;

    private static string ParseFailure(string text, string region, ErrorType type) => type switch
    {
        ErrorType.INVALID_COUNTRY_CODE when region == "ZZ" && !text.TrimStart().StartsWith('+') =>
            $"'{text}' has no country code (+...) and no default region is set: set settings.default_region or pass a region to phone",
        ErrorType.INVALID_COUNTRY_CODE => $"'{text}' does not start with a known country calling code",
        ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => $"'{text}' has too few digits to be a phone number",
        ErrorType.TOO_LONG => $"'{text}' has too many digits to be a phone number",
        _ => $"'{text}' is not a phone number",
    };

    private static string Invalid(string text, PhoneNumber number)
    {
        var country = Numbers.GetRegionCodeForCountryCode(number.CountryCode);
        var where = country is "ZZ" or "001" ? $"+{number.CountryCode}" : country;
        var digits = Numbers.GetNationalSignificantNumber(number).Length;
        var why = Numbers.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.TOO_SHORT => $"too short ({Count(digits)} after the country code +{number.CountryCode})",
            PhoneNumberUtil.ValidationResult.TOO_LONG => $"too long ({Count(digits)} after the country code +{number.CountryCode})",
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => $"no {where} number has {Count(digits)} after the country code",
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "a local number without its area code",
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => $"+{number.CountryCode} is not a country calling code",
            _ => $"not in a number range {where} uses",
        };
        return $"'{text}' is not a valid {where} phone number: {why}";
    }

    private static string Count(int digits) => digits.ToString(CultureInfo.InvariantCulture) + (digits == 1 ? " digit" : " digits");
}
