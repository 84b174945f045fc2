using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Sdk.Destinations.Hashing;

/// <summary>
/// Normalizes and hashes identifiers the way ad platforms match them (Meta Custom Audiences, Google Customer Match,
/// TikTok): SHA-256 of the normalized value, as lower-case hex. Each method returns null when nothing usable is left.
/// </summary>
public static class IdentifierHashing
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="normalized"/>'s UTF-8 bytes.</summary>
    public static string Sha256(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>Whether <paramref name="value"/> already is a SHA-256 hex digest (so a pre-hashed value is not hashed twice).</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>An email trimmed and lower-cased; null unless it has one <c>@</c> and a dotted domain.</summary>
    public static string? NormalizeEmail(string? raw)
    {
        var email = raw?.Trim().ToLowerInvariant();
        if (email is null || email.Count(c => c == '@') != 1 || email.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') ? email : null;
    }

    /// <summary>Gmail and Googlemail addresses as Google Customer Match compares them: dots in the name removed.</summary>
    public static string? NormalizeEmailForGoogle(string? raw)
    {
        var email = NormalizeEmail(raw);
        if (email is null)
        {
            return null;
        }

        var (name, domain) = (email[..email.IndexOf('@', StringComparison.Ordinal)], email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        return domain is "gmail.com" or "googlemail.com" ? $"{name.Replace(".", string.Empty, StringComparison.Ordinal)}@{domain}" : email;
    }

    /// <summary>A phone in E.164 with the plus (<c>+14155550132</c>, Google's and TikTok's form), read with libphonenumber; a national number is read in <paramref name="region"/>.</summary>
    public static string? NormalizePhoneE164(string? raw, string? region = null) => raw is null ? null : E164Phone.Format(raw, region);

    /// <summary>A phone as digits with the country code and no plus (<c>14155550132</c>, Meta's form).</summary>
    public static string? NormalizePhoneDigits(string? raw, string? region = null) => NormalizePhoneE164(raw, region)?[1..];

    /// <summary>The SHA-256 of the normalized email, or the value itself when it already is a digest.</summary>
    public static string? HashEmail(string? raw) => IsSha256(raw) ? raw!.ToLower(CultureInfo.InvariantCulture) : NormalizeEmail(raw) is { } email ? Sha256(email) : null;

    /// <summary>The SHA-256 of the phone in E.164 (with the plus), or the value itself when it already is a digest.</summary>
    public static string? HashPhoneE164(string? raw, string? region = null) => IsSha256(raw) ? raw!.ToLower(CultureInfo.InvariantCulture) : NormalizePhoneE164(raw, region) is { } phone ? Sha256(phone) : null;

    /// <summary>The SHA-256 of the phone's digits with the country code (no plus), or the value itself when it already is a digest.</summary>
    public static string? HashPhoneDigits(string? raw, string? region = null) => IsSha256(raw) ? raw!.ToLower(CultureInfo.InvariantCulture) : NormalizePhoneDigits(raw, region) is { } phone ? Sha256(phone) : null;
}
