using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// One row per key within a batch before it is written (an upsert cannot touch a row twice in one statement): the
/// first of an event's retries, the latest version of an order or account, the last ad performance row of a key.
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
            .Select(g => (g.Aggregate((best, next) => next.Account.ObservedAt >= best.Account.ObservedAt ? next : best).Account,
                (IReadOnlyList<long>)g.SelectMany(a => a.Members).Distinct().ToArray()))
            .ToArray();
}
