using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

/// <summary>SHA-256 of a value's UTF-8 bytes as lowercase hex, the form Meta matches on.</summary>
internal static class Sha256Hex
{
    public static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
}
