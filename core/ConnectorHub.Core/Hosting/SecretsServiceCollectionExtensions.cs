using ConnectorHub.Core.Secrets;
using ConnectorHub.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers secrets protection: Data Protection with its key ring in the hub's database, optionally encrypted with a certificate.</summary>
internal static class SecretsServiceCollectionExtensions
{
    public static IServiceCollection AddSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>();

        var dataProtection = services.AddDataProtection().SetApplicationName("ConnectorHub");

        // Data Protection takes the key certificate as an object at registration (the options that would let it be
        // given later are internal to it), so this one setting is read now. A certificate that cannot be used is left
        // out here, and the validator stops the start with the reason, together with every other invalid setting.
        // The certificate lives as long as the app: Data Protection encrypts and decrypts with it.
        if (KeyCertificate.Load(configuration.GetSection(SecretsOptions.Section).Get<SecretsOptions>() ?? new SecretsOptions(), out _) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<HubDatabase>())));
        return services;
    }
}
