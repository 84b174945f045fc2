namespace ConnectorHub.Core.Segments;

/// <summary>Told when a segment is saved or deleted, so its refresh schedule follows (when scheduling is on).</summary>
public interface ISegmentScheduleListener
{
    /// <summary>The segment was created or changed.</summary>
    Task SavedAsync(SegmentView segment, CancellationToken cancellationToken);

    /// <summary>The segment was deleted.</summary>
    Task DeletedAsync(long segmentId, CancellationToken cancellationToken);
}
