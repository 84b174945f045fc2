using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Commits one group of messages: their people resolve into profiles (one resolver call, so an anonymous visit and the
/// identify that names it land on one profile even in one group), then their events and accounts are stored.
/// </summary>
internal sealed class TrackingCommitter(IdentityResolver resolver, ITrackingEventStore store, TimeProvider time)
{
    public async Task CommitAsync(IReadOnlyList<PendingWrite> group, CancellationToken cancellationToken)
    {
        var messages = group.SelectMany(w => w.Messages.Select(m => CanonicalMessage.From(m, w.Source))).ToArray();
        var resolved = await resolver.ResolveAsync(messages.Select(m => m.Person).ToArray(), cancellationToken);
        var events = new List<(CanonicalEvent Event, long? ProfileId)>(messages.Length);
        var accounts = new List<(Account Account, IReadOnlyList<long> Members)>();
        for (var i = 0; i < messages.Length; i++)
        {
            var profileId = resolved[i].ProfileId;
            events.Add((messages[i].Event, profileId));
            if (messages[i].Account is { } account)
            {
                accounts.Add((account, profileId is { } member ? [member] : []));
            }
        }

        await store.WriteAsync(events, accounts, time.GetUtcNow(), cancellationToken);
    }
}
