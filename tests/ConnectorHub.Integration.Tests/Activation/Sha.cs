using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>SHA-256 computed independently of the plugins, to check what reached a platform.</summary>
public static class Sha
{
    public static string Hex(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
