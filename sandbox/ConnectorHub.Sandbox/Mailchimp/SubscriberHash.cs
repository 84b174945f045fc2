using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>Mailchimp's member id: the lowercase hex MD5 of the trimmed, lower-cased email address.</summary>
public static class SubscriberHash
{
    /// <summary>The subscriber hash of <paramref name="email"/>.</summary>
    public static string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
#pragma warning disable CA5351 // MD5 is Mailchimp's member id scheme, not a security measure.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
    }
}
