using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Core.Tracking.Keys;

/// <summary>
/// Write key values: <c>whk_</c> and 24 random bytes in base64url. They carry 192 bits of entropy, so a plain SHA-256
/// is the right stored form (a slow hash would slow every tracking call). Segment clients send any string as the key,
/// so any presented value is looked up; the prefix only helps people recognise a key.
/// </summary>
public static class WriteKeySecret
{
    /// <summary>Every generated key starts with this.</summary>
    public const string Prefix = "whk_";

    /// <summary>How many leading characters lists show.</summary>
    public const int DisplayPrefixLength = 10;

    /// <summary>A new random key.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The stored form: SHA-256, lower-case hex.</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>The masked form lists show: the prefix, then dots.</summary>
    public static string Mask(string prefix) => prefix + "…";
}
