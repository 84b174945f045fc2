using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>
/// <c>sha256</c>: the lower-case hex SHA-256 of the UTF-8 text. Put it last in the chain, after the value is normalized
/// (<c>[email, sha256]</c>). A value that already is a SHA-256 hex digest is kept, so pre-hashed sources are not hashed twice.
/// </summary>
internal sealed class Sha256Normalizer : TextNormalizer
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public override string Name => "sha256";

    public static string Hash(string text)
    {
        if (IsDigest(text))
        {
            return text.ToLowerInvariant();
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest);
    }

    private static bool IsDigest(string text) => text.Length == 64 && text.AsSpan().IndexOfAnyExcept(HexDigits) < 0;

    protected override NormalizeResult NormalizeText(string text) => NormalizeResult.Of(Hash(text));
}
