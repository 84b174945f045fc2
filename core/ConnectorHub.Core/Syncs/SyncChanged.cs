namespace ConnectorHub.Core.Syncs;

/// <summary>Told when a sync is saved or deleted, so the scheduler follows (registered by the scheduling capability).</summary>
public interface ISyncChangeListener
{
    /// <summary>The sync was created or changed.</summary>
    Task SavedAsync(Sync sync, CancellationToken cancellationToken);

    /// <summary>The sync was deleted.</summary>
    Task DeletedAsync(Guid syncId, CancellationToken cancellationToken);
}
