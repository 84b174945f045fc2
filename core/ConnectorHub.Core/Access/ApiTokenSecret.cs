using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Core.Access;

/// <summary>
/// API token values: <c>chub_</c> followed by 32 random bytes in base64url. Tokens carry 256 bits of entropy, so a
/// plain SHA-256 is the right stored form (a slow password hash would only slow every API call down).
/// </summary>
public static class ApiTokenSecret
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise (and to scan for).</summary>
    public const string Prefix = "chub_";

    /// <summary>How many leading characters are kept to recognise a token in lists.</summary>
    public const int DisplayPrefixLength = 12;

    /// <summary>A new random token value.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="value"/> looks like a token at all (cheap check before a lookup).</summary>
    public static bool LooksLikeToken(string? value) =>
        value is { Length: > 20 and < 200 } && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of <paramref name="value"/>: SHA-256, lower-case hex.</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
