using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;

namespace ConnectorHub.Integration.Tests.Connections;

public sealed class SecretsAtRestTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task StoredConnection_HoldsNoSecretInPlainText_AndASecondHubOnTheSameStoreCanDecryptIt(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var created = await hub.Connections.CreateAsync(new ConnectionRequest("echo", "echo", new JsonObject { ["count"] = 1, ["token"] = "tok-plain-secret-1234" }), CancellationToken.None);

        var stored = await RowAsync(hub, created.Id);
        await using var second = await TestHub.StartAsync(provider, new Dictionary<string, string?> { ["ConnectorHub:Storage:ConnectionString"] = hub.ConnectionString });
        var check = await second.Connections.CheckAsync(created.Id, CancellationToken.None);

        Assert.DoesNotContain("tok-plain-secret-1234", stored.Config, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-plain-secret-1234", stored.ProtectedSecrets!, StringComparison.Ordinal);
        Assert.True(check.Succeeded);
        Assert.Equal("********", (await second.Connections.GetAsync(created.Id, CancellationToken.None)).Config["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyRing_IsEncryptedWithTheConfiguredCertificate()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=ConnectorHub test keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"hub-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
            {
                ["ConnectorHub:Secrets:KeyCertificatePath"] = path,
                ["ConnectorHub:Secrets:KeyCertificatePassword"] = "pfx-password",
            });
            await hub.Connections.CreateAsync(new ConnectionRequest("echo", "echo", new JsonObject { ["token"] = "tok-plain-secret-1234" }), CancellationToken.None);

            await using var connection = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HubDatabase>(hub.Services).OpenConnectionAsync(CancellationToken.None);
            var keyXml = Assert.Single(await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys"));

            Assert.Contains("encryptedSecret", keyXml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", keyXml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<Connection> RowAsync(TestHub hub, Guid id)
    {
        await using var connection = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HubDatabase>(hub.Services).OpenConnectionAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<Connection>(
            "SELECT name, plugin_id AS PluginId, config, protected_secrets AS ProtectedSecrets FROM connections WHERE name = 'echo'");
    }
}
