namespace ConnectorHub.Core.Activation;

/// <summary>
/// Starts activation runs in the background and returns at once: on this node (<see cref="ActivationQueue"/>), or
/// through the scheduler so any node of the cluster runs them.
/// </summary>
public interface IActivationLauncher
{
    /// <summary>Asks for a run of <paramref name="activationId"/>; false when one is already waiting here.</summary>
    bool Enqueue(long activationId, ActivationTrigger trigger);
}
