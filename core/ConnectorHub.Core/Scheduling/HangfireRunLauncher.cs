using ConnectorHub.Core.Runner;
using Hangfire;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Hands queued runs to Hangfire, so any node of the cluster executes them, one at a time per sync.</summary>
internal sealed class HangfireRunLauncher(IBackgroundJobClient jobs) : IRunLauncher
{
    public Task LaunchAsync(Guid syncId, Guid runId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<SyncJobs>(j => j.ExecuteAsync(syncId, runId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
