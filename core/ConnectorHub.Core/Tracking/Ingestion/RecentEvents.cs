using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// The last events this node committed, newest first, for the dashboard's live view: a small ring in memory, so the
/// view never scans the event store.
/// </summary>
public sealed class RecentEvents
{
    private const int Capacity = 100;
    private readonly Queue<RecentEvent> _events = new(Capacity);

    /// <summary>Up to <paramref name="limit"/> events, newest first.</summary>
    public IReadOnlyList<RecentEvent> Latest(int limit)
    {
        lock (_events)
        {
            return _events.Reverse().Take(Math.Clamp(limit, 1, Capacity)).ToArray();
        }
    }

    internal void Add(IEnumerable<TrackedEvent> committed, DateTimeOffset at)
    {
        lock (_events)
        {
            foreach (var (e, profileId, _) in committed.TakeLast(Capacity))
            {
                if (_events.Count == Capacity)
                {
                    _events.Dequeue();
                }

                _events.Enqueue(new RecentEvent(e.Source ?? string.Empty, e.MessageId, e.Type, e.Name, e.UserId, e.AnonymousId, profileId, e.Timestamp, at));
            }
        }
    }
}

/// <summary>One committed event as the live view shows it.</summary>
/// <param name="Source">The tracking source.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="Type">identify, track, page, screen, group or alias.</param>
/// <param name="Name">The event, page or screen name (the group id for group).</param>
/// <param name="UserId">The user id.</param>
/// <param name="AnonymousId">The anonymous id.</param>
/// <param name="ProfileId">The profile it went to.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="CommittedAt">When the hub committed it.</param>
public sealed record RecentEvent(string Source, string MessageId, string Type, string? Name, string? UserId, string? AnonymousId, long? ProfileId, DateTimeOffset Timestamp, DateTimeOffset CommittedAt);
