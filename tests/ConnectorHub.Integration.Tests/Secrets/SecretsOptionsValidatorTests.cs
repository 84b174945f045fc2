using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConnectorHub.Core.Secrets;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Secrets;

/// <summary>The key certificate setting is checked at start against real .pfx files.</summary>
public sealed class SecretsOptionsValidatorTests : IDisposable
{
    private readonly TempDirectory _folder = new("keys");
    private readonly SecretsOptionsValidator _validator = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ACertificateWithItsPrivateKey_AndItsPassword_IsValid()
    {
        var path = WriteCertificate("keys.pfx", withPrivateKey: true, "pfx-password");

        Assert.True(_validator.Validate(null, new SecretsOptions { KeyCertificatePath = path, KeyCertificatePassword = "pfx-password" }).Succeeded);
    }

    [Fact]
    public void AWrongPassword_IsReported_NamingBothSettings()
    {
        var path = WriteCertificate("keys.pfx", withPrivateKey: true, "pfx-password");

        var failure = Assert.Single(_validator.Validate(null, new SecretsOptions { KeyCertificatePath = path, KeyCertificatePassword = "guess" }).Failures!);

        Assert.StartsWith($"ConnectorHub:Secrets:KeyCertificatePath '{path}' could not be opened", failure, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Secrets:KeyCertificatePassword is its password", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateWithoutItsPrivateKey_IsReported()
    {
        var path = WriteCertificate("public.pfx", withPrivateKey: false, null);

        var failure = Assert.Single(_validator.Validate(null, new SecretsOptions { KeyCertificatePath = path }).Failures!);

        Assert.Contains("holds no private key", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordWithoutACertificate_IsReported() =>
        Assert.Equal(
            ["ConnectorHub:Secrets:KeyCertificatePassword is set but ConnectorHub:Secrets:KeyCertificatePath is not; set the path of the .pfx file it opens, or remove the password."],
            _validator.Validate(null, new SecretsOptions { KeyCertificatePassword = "pfx-password" }).Failures!);

    private string WriteCertificate(string name, bool withPrivateKey, string? password)
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=ConnectorHub test keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        var path = _folder.Combine(name);
        if (withPrivateKey)
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        }
        else
        {
            using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
            File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pfx, password));
        }

        return path;
    }
}
