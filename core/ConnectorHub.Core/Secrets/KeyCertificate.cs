using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConnectorHub.Core.Secrets;

/// <summary>Loads the certificate that encrypts the Data Protection key ring (<see cref="SecretsOptions.KeyCertificatePath"/>).</summary>
internal static class KeyCertificate
{
    /// <summary>
    /// The configured certificate, or null when none is configured; <paramref name="error"/> says what is wrong (and
    /// how to fix it) when one is configured but cannot be used.
    /// </summary>
    public static X509Certificate2? Load(SecretsOptions options, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(options.KeyCertificatePath))
        {
            if (!string.IsNullOrEmpty(options.KeyCertificatePassword))
            {
                error = $"{SecretsOptions.Section}:KeyCertificatePassword is set but {SecretsOptions.Section}:KeyCertificatePath is not; set the path of the .pfx file it opens, or remove the password.";
            }

            return null;
        }

        var path = options.KeyCertificatePath;
        if (!File.Exists(path))
        {
            error = $"{SecretsOptions.Section}:KeyCertificatePath '{path}' does not exist; point it at a PKCS#12 (.pfx) file this node can read, or remove the setting.";
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.KeyCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                error = $"{SecretsOptions.Section}:KeyCertificatePath '{path}' holds no private key, so the key ring could not be decrypted; export the certificate with its private key.";
                return null;
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            error = $"{SecretsOptions.Section}:KeyCertificatePath '{path}' could not be opened ({ex.Message}); check that it is a PKCS#12 (.pfx) file and that {SecretsOptions.Section}:KeyCertificatePassword is its password.";
            return null;
        }
    }
}
