namespace ConnectorHub.Core.Predictions.Models;

/// <summary>Hears a model's schedule change (the scheduler registers its recurring training).</summary>
public interface IModelScheduleListener
{
    /// <summary>The model was created or changed.</summary>
    Task SavedAsync(ModelView model, CancellationToken cancellationToken);

    /// <summary>The model was deleted.</summary>
    Task DeletedAsync(long modelId, CancellationToken cancellationToken);
}
