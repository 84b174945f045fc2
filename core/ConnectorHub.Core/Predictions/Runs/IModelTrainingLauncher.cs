using Microsoft.Extensions.Hosting;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>Starts a training run in the background and returns at once: on this node, or through the scheduler so any node of the cluster runs it.</summary>
public interface IModelTrainingLauncher
{
    /// <summary>Asks for a run of <paramref name="modelId"/> (skipped by the run itself when another holds the model).</summary>
    void Enqueue(long modelId, ModelRunTrigger trigger);
}

/// <summary>Runs training on this node, in the background (a hub without the scheduler).</summary>
internal sealed class LocalModelTrainingLauncher(ModelRunner runner, IHostApplicationLifetime lifetime) : IModelTrainingLauncher
{
    public void Enqueue(long modelId, ModelRunTrigger trigger) =>
        // Not the request's token: the run outlives the HTTP request that asked for it.
        _ = Task.Run(() => runner.RunAsync(modelId, trigger, lifetime.ApplicationStopping), CancellationToken.None);
}
