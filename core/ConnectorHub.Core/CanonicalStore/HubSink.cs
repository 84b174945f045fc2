using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Runner;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// Writes a sync's mapped records into the hub: each record is a <see cref="CanonicalEnvelope"/>. Profile fragments
/// resolve into profiles first, together with the people that events (user and anonymous id), orders (customer
/// identifiers) and accounts (members) name, so those link to their profiles; then events, orders, ad performance and
/// accounts are stored in one transaction. A record that cannot be stored is rejected with the reason; the rest go on.
/// </summary>
internal sealed class HubSink(IdentityResolver resolver, ICanonicalWriter writer, string defaultSource, TimeProvider time) : IRecordSink
{
    public int MaxBatchSize => resolver.Rules.BatchSize;

    public async Task<IReadOnlyList<RecordResult>> WriteAsync(string stream, IReadOnlyList<DestinationRecord> records, CancellationToken cancellationToken)
    {
        var results = new List<RecordResult>(records.Count);
        var accepted = new List<CanonicalRecord>(records.Count);
        foreach (var record in records)
        {
            var (canonical, error) = CanonicalRecord.Read(record.Data, resolver.Rules);
            if (canonical is null)
            {
                results.Add(RecordResult.Rejected(record.Key, error!));
                continue;
            }

            accepted.Add(canonical);
            results.Add(RecordResult.Accepted(record.Key));
        }

        var people = new List<ProfileFragment>();
        foreach (var record in accepted)
        {
            people.AddRange(record.Fragments);
            people.AddRange(record.Events.Select(e => PersonOf(e)));
            people.AddRange(record.Orders.Select(o => new ProfileFragment { Source = o.Source, RecordKey = o.OrderId, ObservedAt = o.PlacedAt, Identifiers = o.CustomerIdentifiers ?? [] }));
            people.AddRange(record.Accounts.SelectMany(a => (a.Members ?? []).Select(m => new ProfileFragment { Source = a.Source, RecordKey = a.AccountId, ObservedAt = a.ObservedAt, Identifiers = [m] })));
        }

        var resolved = await resolver.ResolveAsync(people, cancellationToken);
        var batch = new CanonicalBatch();
        var next = 0;
        foreach (var record in accepted)
        {
            next += record.Fragments.Count;
            batch.Events.AddRange(record.Events.Select(e => (e, e.Source ?? defaultSource, resolved[next++].ProfileId)));
            batch.Orders.AddRange(record.Orders.Select(o => (o, resolved[next++].ProfileId)));
            batch.AdPerformance.AddRange(record.AdPerformance);
            foreach (var account in record.Accounts)
            {
                var members = new List<long>();
                foreach (var _ in account.Members ?? [])
                {
                    if (resolved[next++].ProfileId is { } member)
                    {
                        members.Add(member);
                    }
                }

                batch.Accounts.Add((account, members));
            }
        }

        if (!batch.IsEmpty)
        {
            await writer.WriteAsync(batch, time.GetUtcNow(), cancellationToken);
        }

        return results;
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ProfileFragment PersonOf(CanonicalEvent e)
    {
        var identifiers = new List<Identifier>(2);
        if (!string.IsNullOrWhiteSpace(e.UserId))
        {
            identifiers.Add(new Identifier(IdentifierTypes.UserId, e.UserId));
        }

        if (!string.IsNullOrWhiteSpace(e.AnonymousId))
        {
            identifiers.Add(new Identifier(IdentifierTypes.AnonymousId, e.AnonymousId));
        }

        return new ProfileFragment { Source = e.Source ?? defaultSource, RecordKey = e.MessageId, ObservedAt = e.Timestamp, Identifiers = identifiers };
    }
}
