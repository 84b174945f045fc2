using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Activation;

/// <summary>The fingerprint of a member's payload, to tell whether it changed since it was delivered.</summary>
internal static class PayloadHash
{
    /// <summary>SHA-256 (hex) of the JSON as <see cref="Sdk.Destinations.AudienceMember.ToJson"/> writes it (a fixed field order).</summary>
    public static string Of(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.ToJsonString())));
    }
}
