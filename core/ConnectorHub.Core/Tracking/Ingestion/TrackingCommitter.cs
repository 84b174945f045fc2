using System.Diagnostics;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Sdk.Canonical;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Commits a group of messages in two steps the writer overlaps: <see cref="ResolveAsync"/> turns their people into
/// profiles (one resolver call, so an anonymous visit and the identify that names it land on one profile even in one
/// group), <see cref="StoreAsync"/> stores their events and accounts.
/// </summary>
internal sealed class TrackingCommitter(IdentityResolver resolver, ITrackingEventStore store, RecentEvents recent, TimeProvider time, ILogger<TrackingCommitter> logger)
{
    private readonly ResolvedPeople _known = new();

    public async Task<ResolvedGroup> ResolveAsync(IReadOnlyList<PendingWrite> group, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var messages = group.SelectMany(w => w.Messages.Select(m => CanonicalMessage.From(m, w.Source))).ToArray();
        var profiles = new long?[messages.Length];
        var pending = new List<int>(messages.Length);
        for (var i = 0; i < messages.Length; i++)
        {
            if (!_known.TryGet(messages[i], out profiles[i]))
            {
                pending.Add(i);
            }
        }

        var resolved = await resolver.ResolveAsync(
            pending.Select(i => messages[i].Person).ToArray(), withTraits: true, pending.Select(i => messages[i].PreviousId).ToArray(), cancellationToken);
        for (var j = 0; j < pending.Count; j++)
        {
            profiles[pending[j]] = resolved[j].ProfileId;
            _known.Remember(messages[pending[j]], resolved[j].ProfileId);
        }

        var events = new List<TrackedEvent>(messages.Length);
        var accounts = new List<(Account Account, IReadOnlyList<long> Members)>();
        for (var i = 0; i < messages.Length; i++)
        {
            events.Add(new TrackedEvent(messages[i].Event, profiles[i], messages[i].Integrations));
            if (messages[i].Account is { } account)
            {
                accounts.Add((account, profiles[i] is { } member ? [member] : []));
            }
        }

        return new ResolvedGroup(events, accounts, pending.Count, Stopwatch.GetElapsedTime(started));
    }

    public async Task StoreAsync(ResolvedGroup group, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        await store.WriteAsync(group.Events, group.Accounts, now, cancellationToken);
        recent.Add(group.Events, now);
        logger.LogDebug("Committed {Events} events ({Resolved} people resolved, the rest known): resolved in {Resolve}, stored in {Store}.",
            group.Events.Count, group.Resolved, group.ResolveTime, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>A group's events and accounts, linked to their profiles, ready to store.</summary>
internal sealed record ResolvedGroup(
    IReadOnlyList<TrackedEvent> Events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> Accounts, int Resolved, TimeSpan ResolveTime);
