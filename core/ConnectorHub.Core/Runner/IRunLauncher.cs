namespace ConnectorHub.Core.Runner;

/// <summary>Starts a queued run in the background: on this node, or through the scheduler so the cluster shares the work.</summary>
public interface IRunLauncher
{
    /// <summary>Hands <paramref name="runId"/> of <paramref name="syncId"/> over for execution and returns at once.</summary>
    Task LaunchAsync(Guid syncId, Guid runId, CancellationToken cancellationToken);
}

/// <summary>Executes launched runs on this node, in the background.</summary>
internal sealed class LocalRunLauncher(SyncRunner runner, Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime) : IRunLauncher
{
    public Task LaunchAsync(Guid syncId, Guid runId, CancellationToken cancellationToken)
    {
        // Not the request's token: the run outlives the HTTP request that started it.
        _ = Task.Run(() => runner.ExecuteAsync(runId, lifetime.ApplicationStopping), CancellationToken.None);
        return Task.CompletedTask;
    }
}
