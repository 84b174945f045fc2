using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers activations: definitions, the runner, its queue and worker, the segment trigger and the timers.</summary>
internal static class ActivationServiceCollectionExtensions
{
    public static IServiceCollection AddActivation(this IServiceCollection services)
    {
        services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.Section)
            .Validate(o => o.PageSize > 0 && o.MaxBatchSize > 0 && o.MaxAttempts > 0, "ConnectorHub:Activation: PageSize, MaxBatchSize and MaxAttempts must be positive.")
            .Validate(o => o.RetrySweepInterval > TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay,
                "ConnectorHub:Activation: RetrySweepInterval must be positive and RetryMaxDelay at least RetryBaseDelay.")
            .ValidateOnStart();
        services.AddSingleton<ActivationService>();
        services.AddSingleton<ActivationRunner>();
        services.AddSingleton<DeliveryQueries>();
        services.AddSingleton<ActivationQueue>();
        services.AddSingleton<IActivationLauncher>(sp => sp.GetRequiredService<ActivationQueue>());
        services.AddSingleton<ISegmentRefreshListener, SegmentActivationTrigger>();
        services.AddHostedService<ActivationWorker>();
        services.AddHostedService<ActivationTimers>();
        return services;
    }
}
