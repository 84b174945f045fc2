using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// One row per key within a batch before it is written (an upsert cannot touch a row twice in one statement): the
/// first of an event's retries, the latest version of an order, the last ad performance row of a key, and for an
/// account the latest value of each of its fields (an observation without a name, such as a group call without traits,
/// keeps the name known).
/// </summary>
internal static class CanonicalDedup
{
    public static IReadOnlyList<(CanonicalEvent Event, string Source, long? ProfileId)> Events(IEnumerable<(CanonicalEvent Event, string Source, long? ProfileId)> events) =>
        events.DistinctBy(e => (e.Source, e.Event.MessageId)).ToArray();

    public static IReadOnlyList<(Order Order, long? ProfileId)> Orders(IEnumerable<(Order Order, long? ProfileId)> orders) =>
        orders.GroupBy(o => (o.Order.Source, o.Order.OrderId))
            .Select(g => g.Aggregate((best, next) => (next.Order.UpdatedAt ?? DateTimeOffset.MinValue) >= (best.Order.UpdatedAt ?? DateTimeOffset.MinValue) ? next : best))
            .ToArray();

    public static IReadOnlyList<AdPerformance> AdPerformance(IEnumerable<AdPerformance> rows) =>
        rows.GroupBy(r => (r.Platform, r.AccountId, r.CampaignId ?? string.Empty, r.AdSetId ?? string.Empty, r.AdId ?? string.Empty, r.Date)).Select(g => g.Last()).ToArray();

    public static IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> Accounts(IEnumerable<(Account Account, IReadOnlyList<long> Members)> accounts) =>
        accounts.GroupBy(a => (a.Account.Source, a.Account.AccountId))
            .Select(g => (g.Select(a => a.Account).OrderBy(a => a.ObservedAt).Aggregate((known, next) => next with
                {
                    Name = next.Name ?? known.Name, Domain = next.Domain ?? known.Domain, Industry = next.Industry ?? known.Industry, Traits = next.Traits ?? known.Traits,
                }),
                (IReadOnlyList<long>)g.SelectMany(a => a.Members).Distinct().ToArray()))
            .ToArray();
}
