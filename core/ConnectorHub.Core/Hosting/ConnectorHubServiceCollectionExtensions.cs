using ConnectorHub.Core.Access;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Secrets;
using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers the ConnectorHub engine.</summary>
public static class ConnectorHubServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: options from <c>ConnectorHub:*</c>, storage (SQLite by default), schema migration at start,
    /// secrets protection, and the plugin catalog loaded at start. Returns a builder for further capabilities.
    /// </summary>
    public static ConnectorHubBuilder AddConnectorHub(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHostedService<SettingsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure(o => o.ConnectionString ??= configuration.GetConnectionString("ConnectorHub"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton(sp => CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddDbContextFactory<HubDbContext>((sp, options) => UseProvider(options, sp.GetRequiredService<HubDatabase>()));
        services.AddSingleton<SchemaMigrator>();
        services.AddProfiles();
        services.AddSegments();
        services.AddTracking();

        services.AddHostedService<HubStartup>();

        services.AddPlugins();

        services.AddSecrets(configuration);

        services.AddSingleton<UserService>();
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<ConnectionSecrets>();
        services.AddSingleton<ConnectorContextFactory>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<SourceSampler>();
        services.AddSingleton<SyncService>();
        services.AddSingleton<RunService>();
        services.AddSingleton<RunCancellations>();
        services.AddOptions<SyncRunnerOptions>().BindConfiguration(SyncRunnerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncRunnerOptions>, SyncRunnerOptionsValidator>();
        services.TryAddSingleton<IStreamMapperFactory, CanonicalMapperFactory>();
        services.AddSingleton<SyncRunner>();
        services.TryAddSingleton<IRunLauncher, LocalRunLauncher>();
        services.AddSingleton<RunRecovery>();
        services.AddActivation();
        services.AddPredictions();

        services.AddHealthChecks()
            .AddCheck<Health.DatabaseHealthCheck>("database")
            .AddCheck<Health.PluginsHealthCheck>("plugins");
        return new ConnectorHubBuilder(services, configuration);
    }

    /// <summary>Applies the storage provider to EF Core options.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider == StorageProvider.Postgres
            ? options.UseNpgsql(database.PostgresDataSource)
            : options.UseSqlite(database.ConnectionString);
    }

    private static HubDatabase CreateDatabase(StorageOptions options, IHostEnvironment environment) =>
        new(options.Provider, StorageSettings.ConnectionString(options, environment.ContentRootPath));
}

/// <summary>Adds further ConnectorHub capabilities to the service collection.</summary>
/// <param name="Services">The service collection.</param>
/// <param name="Configuration">The app's configuration.</param>
public sealed record ConnectorHubBuilder(IServiceCollection Services, IConfiguration Configuration);

/// <summary>
/// Migrates the schema and loads plugins before the hub serves anything. It works in <c>StartingAsync</c>, which
/// runs before every hosted service's <c>StartAsync</c>, because some of those (Data Protection's key ring, the
/// scheduler) read the database as they start.
/// </summary>
internal sealed class HubStartup(SchemaMigrator migrator, PluginCatalog catalog, HubDatabase database, ILogger<HubStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Storage: {Provider}, {Applied} migration(s) applied. Plugins: {Loaded} loaded, {Refused} refused.",
            database.Provider, applied, catalog.Plugins.Count, catalog.Refusals.Count);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
