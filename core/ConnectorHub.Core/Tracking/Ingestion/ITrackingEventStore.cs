using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Stores a commit group's events (and the accounts of its group calls), deduplicated by source and message id: an event
/// already stored is skipped, so a client's retry never doubles it. Returns once everything is committed.
/// </summary>
internal interface ITrackingEventStore
{
    Task WriteAsync(IReadOnlyList<TrackedEvent> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken);
}
