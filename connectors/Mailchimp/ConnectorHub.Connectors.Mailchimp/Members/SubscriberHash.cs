using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Connectors.Mailchimp.Members;

/// <summary>Mailchimp's member id: lowercase hex MD5 of the trimmed, lower-cased email address.</summary>
internal static class SubscriberHash
{
    public static string Of(string email)
    {
#pragma warning disable CA5351 // MD5 is Mailchimp's member id scheme, not a security measure.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
    }
}
