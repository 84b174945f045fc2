using ConnectorHub.Core.Activation;
using Hangfire;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Hands activation runs to Hangfire, so any node of the cluster runs them (each under its activation's lease).</summary>
internal sealed class HangfireActivationLauncher(IBackgroundJobClient jobs) : IActivationLauncher
{
    public bool Enqueue(long activationId, ActivationTrigger trigger)
    {
        jobs.Enqueue<HubJobs>(j => j.RunActivationAsync(activationId, trigger, CancellationToken.None));
        return true;
    }
}
