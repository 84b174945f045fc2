using ConnectorHub.Core.Accounts;
using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.IdentityResolution.Postgres;
using ConnectorHub.Core.IdentityResolution.Sqlite;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers identity resolution, the canonical store (the hub sink) and profile reads.</summary>
internal static class ProfilesServiceCollectionExtensions
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddSingleton<IdentityRules>();
        services.AddSingleton<IIdentityStore>(sp => sp.GetRequiredService<HubDatabase>() is { Provider: StorageProvider.Postgres } database
            ? new PostgresIdentityStore(database)
            : new SqliteIdentityStore(sp.GetRequiredService<HubDatabase>()));
        services.AddSingleton(sp => new IdentityResolver(
            sp.GetRequiredService<IIdentityStore>(), sp.GetRequiredService<IdentityRules>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IdentityResolver>>()));
        services.AddSingleton<EventPartitions>();
        services.AddSingleton<ICanonicalWriter>(sp => sp.GetRequiredService<HubDatabase>() is { Provider: StorageProvider.Postgres } database
            ? new PostgresCanonicalWriter(database, sp.GetRequiredService<EventPartitions>())
            : new SqliteCanonicalWriter(sp.GetRequiredService<HubDatabase>()));
        services.AddSingleton<IHubSinkFactory, HubSinkFactory>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<ProfileTimeline>();
        services.AddSingleton<AccountService>();
        return services;
    }
}
