using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Tracking.Retention;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Registers scheduling with Hangfire on the hub's own database.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds Hangfire: on PostgreSQL its storage in the hub's database (schema <c>hangfire</c>), shared by every node
    /// (each occurrence runs once, a dead node's jobs are taken over); on SQLite in a file beside the hub's database
    /// (single node, schedules survive restarts). Sync runs, segment refreshes, activation deliveries, model training and the sweeps
    /// run as Hangfire jobs; the hub's tables stay the source of truth for what is scheduled.
    /// </summary>
    public static ConnectorHubBuilder AddScheduling(this ConnectorHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var services = hub.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();

        // The storage and the job activator are this host's own, not Hangfire's statics (JobStorage.Current,
        // JobActivator.Current), so several hubs in one process (tests) never run each other's jobs; AddHangfire keeps
        // what is registered before it.
        services.AddSingleton(CreateStorage);
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            server.ServerName = SyncRunner.NodeName;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.PollInterval;
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });

        services.AddSingleton<HubSchedules>();
        services.AddSingleton<ISyncChangeListener>(sp => sp.GetRequiredService<HubSchedules>());
        services.AddSingleton<ISegmentScheduleListener>(sp => sp.GetRequiredService<HubSchedules>());
        services.AddSingleton<IActivationScheduleListener>(sp => sp.GetRequiredService<HubSchedules>());
        services.AddSingleton<IModelScheduleListener>(sp => sp.GetRequiredService<HubSchedules>());
        services.AddSingleton<QuartzUpgrade>();
        services.AddSingleton<ActivationRetrySweep>();
        services.AddTransient<SyncJobs>();
        services.AddTransient<HubJobs>();
        services.Replace(ServiceDescriptor.Singleton<IRunLauncher, HangfireRunLauncher>());
        services.Replace(ServiceDescriptor.Singleton<IActivationLauncher, HangfireActivationLauncher>());
        services.Replace(ServiceDescriptor.Singleton<IModelTrainingLauncher, HangfireModelTrainingLauncher>());

        // Hangfire carries what this node's own loops did without it.
        Type[] replaced = [typeof(ActivationWorker), typeof(ActivationTimers), typeof(EventRetentionService)];
        foreach (var loop in services.Where(d => d.ServiceType == typeof(IHostedService) && replaced.Contains(d.ImplementationType)).ToArray())
        {
            services.Remove(loop);
        }

        // Before the Hangfire server's hosted service, so the jobs match the tables before anything fires; after the
        // settings check, so a bad setting is reported with all the others.
        var settingsCheck = services.IndexOf(services.First(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SettingsValidation)));
        services.Insert(settingsCheck + 1, ServiceDescriptor.Singleton<IHostedService, ScheduleReconciler>());
        return hub;
    }

    private static JobStorage CreateStorage(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var scheduling = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        var connectionString = StorageSettings.ConnectionString(storage, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (storage.Provider == StorageProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = scheduling.PollInterval,
                InvisibilityTimeout = scheduling.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                DistributedLockTimeout = scheduling.LockTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }

        // Its own file beside the hub's database: Hangfire's SQLite storage keeps its own schema and locking.
        var hangfireFile = Path.ChangeExtension(new SqliteConnectionStringBuilder(connectionString).DataSource, ".hangfire.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(hangfireFile))!);
        return new SQLiteStorage(hangfireFile, new SQLiteStorageOptions
        {
            QueuePollInterval = scheduling.PollInterval,
            InvisibilityTimeout = scheduling.InvisibilityTimeout,
            DistributedLockLifetime = scheduling.LockTimeout,
        });
    }
}
