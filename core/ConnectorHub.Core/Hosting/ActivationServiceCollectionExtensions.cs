using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers activations: definitions, the runner, its queue and worker, the segment trigger and the timers.</summary>
internal static class ActivationServiceCollectionExtensions
{
    public static IServiceCollection AddActivation(this IServiceCollection services)
    {
        services.AddOptions<ActivationOptions>().BindConfiguration(ActivationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ActivationOptions>, ActivationOptionsValidator>();
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
