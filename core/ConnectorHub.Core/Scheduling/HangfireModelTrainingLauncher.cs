using ConnectorHub.Core.Predictions.Runs;
using Hangfire;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Hands training runs to Hangfire, so any node of the cluster runs them (each under its model's lease).</summary>
internal sealed class HangfireModelTrainingLauncher(IBackgroundJobClient jobs) : IModelTrainingLauncher
{
    public void Enqueue(long modelId, ModelRunTrigger trigger) => jobs.Enqueue<HubJobs>(j => j.TrainModelAsync(modelId, trigger, CancellationToken.None));
}
