using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers predictive traits: models, training runs and their launcher (training schedules come with <c>AddScheduling</c>).</summary>
internal static class PredictionsServiceCollectionExtensions
{
    public static IServiceCollection AddPredictions(this IServiceCollection services)
    {
        services.AddOptions<PredictionOptions>().BindConfiguration(PredictionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PredictionOptions>, PredictionOptionsValidator>();
        services.AddSingleton<PredictiveModelService>();
        services.AddSingleton<ModelRunner>();
        services.TryAddSingleton<IModelTrainingLauncher, LocalModelTrainingLauncher>();
        return services;
    }
}
