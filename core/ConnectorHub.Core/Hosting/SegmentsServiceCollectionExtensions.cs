using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Refresh;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers segments and computed traits (their refresh schedules come with <c>AddScheduling</c>).</summary>
public static class SegmentsServiceCollectionExtensions
{
    /// <summary>Segments, computed traits, refreshes and count previews (no schedules: refreshes on demand).</summary>
    public static IServiceCollection AddSegments(this IServiceCollection services)
    {
        services.AddOptions<SegmentOptions>().BindConfiguration(SegmentOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SegmentOptions>, SegmentOptionsValidator>();
        services.AddSingleton<SegmentService>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<SegmentRefresher>();
        services.AddSingleton<ComputedTraitService>();
        return services;
    }
}
