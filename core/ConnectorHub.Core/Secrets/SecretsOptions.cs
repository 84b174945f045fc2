namespace ConnectorHub.Core.Secrets;

/// <summary>How connector secrets are protected at rest (section <c>ConnectorHub:Secrets</c>).</summary>
public sealed class SecretsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Secrets";

    /// <summary>
    /// A PKCS#12 (.pfx) certificate that encrypts the Data Protection key ring stored in the database. Without it the
    /// keys that encrypt connector secrets sit in the same database unencrypted: set it in production so a copy of the
    /// database alone reveals no credentials. Every node needs the same certificate.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The certificate file's password, if any (pass it through an environment variable, not a file).</summary>
    public string? KeyCertificatePassword { get; set; }
}
