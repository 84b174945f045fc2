using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Ingestion;
using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Tracking.Origins;
using ConnectorHub.Core.Tracking.RateLimits;
using ConnectorHub.Core.Tracking.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers the Segment-compatible tracking API's engine: write keys, group commit writer, rate limits, retention.</summary>
internal static class TrackingServiceCollectionExtensions
{
    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>();
        services.AddSingleton<WriteKeyAuthenticator>();
        services.AddSingleton<TrackingSourceService>();
        services.AddSingleton<BrowserOrigins>();
        services.AddSingleton<SourceRateLimiter>();
        services.AddSingleton<ITrackingEventStore>(sp => sp.GetRequiredService<HubDatabase>() is { Provider: StorageProvider.Postgres } database
            ? new PostgresTrackingEventStore(database, sp.GetRequiredService<EventPartitions>(), sp.GetRequiredService<ICanonicalWriter>())
            : new SqliteTrackingEventStore(sp.GetRequiredService<HubDatabase>(), sp.GetRequiredService<ICanonicalWriter>()));
        services.AddSingleton<RecentEvents>();
        services.AddSingleton(sp => new TrackingCommitter(sp.GetRequiredService<IdentityResolver>(), sp.GetRequiredService<ITrackingEventStore>(), sp.GetRequiredService<RecentEvents>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TrackingCommitter>>()));
        services.AddSingleton(sp => new TrackingWriter(sp.GetRequiredService<TrackingCommitter>(), sp.GetRequiredService<IOptions<TrackingOptions>>(), sp.GetRequiredService<ILogger<TrackingWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<TrackingWriter>());
        services.AddSingleton<EventRetention>();
        services.AddHostedService<EventRetentionService>();
        return services;
    }
}
