namespace ConnectorHub.Core.Activation;

/// <summary>Told when an activation is saved or deleted, so its own schedule follows (when scheduling is on).</summary>
public interface IActivationScheduleListener
{
    /// <summary>The activation was created or changed.</summary>
    Task SavedAsync(ActivationView activation, CancellationToken cancellationToken);

    /// <summary>The activation was deleted.</summary>
    Task DeletedAsync(long activationId, CancellationToken cancellationToken);
}
