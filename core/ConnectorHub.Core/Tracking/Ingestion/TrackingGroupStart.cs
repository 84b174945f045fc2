using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>What every event store does first with a commit group: store its accounts, and drop repeats within it.</summary>
internal static class TrackingGroupStart
{
    /// <summary>Writes the group's accounts; returns its events with each (source, message id) once.</summary>
    public static async Task<TrackedEvent[]> AccountsThenUniqueEventsAsync(
        ICanonicalWriter canonical,
        IReadOnlyList<TrackedEvent> events,
        IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (accounts.Count > 0)
        {
            var batch = new CanonicalBatch();
            batch.Accounts.AddRange(accounts);
            await canonical.WriteAsync(batch, now, cancellationToken);
        }

        return events.DistinctBy(e => (e.Event.Source, e.Event.MessageId)).ToArray();
    }
}
