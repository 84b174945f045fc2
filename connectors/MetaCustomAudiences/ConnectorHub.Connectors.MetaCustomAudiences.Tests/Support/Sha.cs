using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;

/// <summary>SHA-256 computed independently of the connector, to check what it sends.</summary>
public static class Sha
{
    public static string Hex(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
