using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Refresh;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers segments and computed traits; <see cref="AddSegmentScheduling"/> adds their Quartz refresh schedules.</summary>
public static class SegmentsServiceCollectionExtensions
{
    /// <summary>Segments, computed traits, refreshes and count previews (no schedules: refreshes on demand).</summary>
    public static IServiceCollection AddSegments(this IServiceCollection services)
    {
        services.AddOptions<SegmentOptions>().BindConfiguration(SegmentOptions.Section);
        services.AddSingleton<SegmentService>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<SegmentRefresher>();
        services.AddSingleton<ComputedTraitService>();
        return services;
    }

    /// <summary>
    /// Refreshes each segment on its cron schedule through Quartz (needs <c>AddScheduling</c>): a job per segment,
    /// kept in step as segments change, reconciled at start.
    /// </summary>
    public static IServiceCollection AddSegmentScheduling(this IServiceCollection services)
    {
        services.AddSingleton<QuartzSegmentScheduler>();
        services.AddSingleton<ISegmentScheduleListener>(sp => sp.GetRequiredService<QuartzSegmentScheduler>());
        services.AddHostedService<SegmentScheduleReconciler>();
        return services;
    }
}
