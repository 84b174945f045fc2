using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Registers scheduling with Quartz.NET on the hub's own database.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds Quartz with its persistent store in the hub's database: on PostgreSQL clustered (nodes share schedules,
    /// every fire runs once, a dead node's work is taken over), on SQLite single-node (schedules survive restarts).
    /// Runs started from the API go through the scheduler, and orphaned runs are resumed.
    /// </summary>
    public static ConnectorHubBuilder AddScheduling(this ConnectorHubBuilder hub, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var services = hub.Services;
        var storage = hub.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString ??= hub.Configuration.GetConnectionString("ConnectorHub");
        var scheduling = hub.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "ConnectorHub");
            q.UsePersistentStore(store =>
            {
                var connectionString = StorageSettings.ConnectionString(storage, contentRootPath);
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduling.CheckinInterval;
                        c.CheckinMisfireThreshold = scheduling.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        // Start the scheduler with the host (not after it), so the reconciler below can store jobs in its schema.
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = false;
            o.AwaitApplicationStarted = false;
        });

        services.AddSingleton<QuartzSyncScheduler>();
        services.AddSingleton<ISyncChangeListener>(sp => sp.GetRequiredService<QuartzSyncScheduler>());
        services.Replace(ServiceDescriptor.Singleton<IRunLauncher, QuartzRunLauncher>());
        services.AddHostedService<ScheduleReconciler>();
        services.AddHostedService<RunRecoveryService>();
        return hub;
    }
}
