namespace ConnectorHub.Core.Segments;

/// <summary>
/// Told after every segment refresh has committed its membership changes, so what follows a segment (its
/// activations) can act on the diff at once instead of waiting for its own schedule.
/// </summary>
public interface ISegmentRefreshListener
{
    /// <summary>Called once per committed refresh; a failure is logged and does not undo the refresh.</summary>
    Task OnRefreshedAsync(SegmentRefreshed refreshed, CancellationToken cancellationToken);
}
