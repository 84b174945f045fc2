using System.Diagnostics;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Resolves profile fragments into unified profiles, a batch per transaction: bulk lookup of the batch's identifiers,
/// union-find in memory (<see cref="BatchResolver"/>), bulk writes. Safe under concurrency: on PostgreSQL each batch
/// holds the advisory locks of every identifier it reads or writes (see <see cref="IdentityLocks"/>); SQLite has one
/// writer at a time.
/// </summary>
public sealed class IdentityResolver
{
    private const int MaxLockAttempts = 4;
    private readonly IIdentityStore _store;
    private readonly IdentityRules _rules;
    private readonly TraitSurvival _survival;
    private readonly TimeProvider _time;
    private readonly ILogger<IdentityResolver> _logger;

    internal IdentityResolver(IIdentityStore store, IdentityRules rules, TimeProvider time, ILogger<IdentityResolver> logger)
    {
        _store = store;
        _rules = rules;
        _survival = new TraitSurvival(rules);
        _time = time;
        _logger = logger;
    }

    /// <summary>The rules in force.</summary>
    public IdentityRules Rules => _rules;

    /// <summary>
    /// Resolves <paramref name="fragments"/>, a batch per transaction; one result per fragment. On PostgreSQL several
    /// batches run at once (<see cref="IdentityOptions.ConcurrentBatches"/>); traits survive by observation time, so
    /// the order batches commit in does not change them.
    /// </summary>
    public Task<IReadOnlyList<FragmentResolution>> ResolveAsync(IReadOnlyList<ProfileFragment> fragments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        return ResolveAsync(fragments, withTraits: true, cancellationToken);
    }

    /// <summary>Resolves identifiers that stand for a person without traits (an event's user, an order's buyer).</summary>
    internal Task<IReadOnlyList<FragmentResolution>> ResolveAsync(IReadOnlyList<ProfileFragment> fragments, bool withTraits, CancellationToken cancellationToken) =>
        ResolveAsync(fragments, withTraits, null, cancellationToken);

    /// <summary>
    /// Resolves <paramref name="fragments"/> of which some are alias calls: <paramref name="aliasPreviousIds"/> holds, per
    /// fragment, the previous id an alias links to its user id (null for other fragments). The previous id is linked as
    /// the user id it names when the graph knows one, else as an anonymous id; see <see cref="BatchResolver"/>.
    /// </summary>
    internal async Task<IReadOnlyList<FragmentResolution>> ResolveAsync(
        IReadOnlyList<ProfileFragment> fragments, bool withTraits, IReadOnlyList<string?>? aliasPreviousIds, CancellationToken cancellationToken)
    {
        var results = new FragmentResolution[fragments.Count];
        (ResolutionFragment?[] Batch, int Start) Prepare(int start)
        {
            var count = Math.Min(_rules.BatchSize, fragments.Count - start);
            var prepared = new ResolutionFragment?[count];
            for (var i = 0; i < count; i++)
            {
                var (fragment, error) = FragmentPreparation.Prepare(fragments[start + i], _rules, withTraits, aliasPreviousIds?[start + i]);
                prepared[i] = fragment;
                results[start + i] = new FragmentResolution(null, error);
            }

            return (prepared, start);
        }

        void Record(ResolutionFragment?[] batch, int start, long?[] profiles)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                if (profiles[i] is { } id)
                {
                    results[start + i] = new FragmentResolution(id);
                }
            }
        }

        var concurrent = _store.HasConcurrentWriters ? _rules.ConcurrentBatches : 1;
        if (concurrent > 1 && fragments.Count > _rules.BatchSize)
        {
            // Each worker prepares its own batch while the others wait on the database.
            var starts = Enumerable.Range(0, (fragments.Count + _rules.BatchSize - 1) / _rules.BatchSize).Select(b => b * _rules.BatchSize);
            await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = concurrent, CancellationToken = cancellationToken }, async (start, token) =>
            {
                var (batch, _) = Prepare(start);
                Record(batch, start, await ResolveBatchAsync(batch, token));
            });
            return results;
        }

        // One writer: the next batch is prepared (normalized, traits read) while the database works on this one.
        var next = fragments.Count > 0 ? Task.FromResult(Prepare(0)) : null;
        while (next is not null)
        {
            var (batch, start) = await next;
            next = start + batch.Length < fragments.Count ? Task.Run(() => Prepare(start + batch.Length), cancellationToken) : null;
            Record(batch, start, await ResolveBatchAsync(batch, cancellationToken));
        }

        return results;
    }

    private async Task<long?[]> ResolveBatchAsync(ResolutionFragment?[] batch, CancellationToken cancellationToken)
    {
        var identifiers = new HashSet<Identifier>(batch.Length * 3);
        foreach (var fragment in batch)
        {
            identifiers.UnionWith(fragment?.Identifiers ?? []);
            identifiers.UnionWith(fragment?.AliasCandidates ?? []);
        }

        if (identifiers.Count == 0)
        {
            return new long?[batch.Length];
        }

        var started = Stopwatch.GetTimestamp();
        var extraBuckets = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await _store.BeginAsync(identifiers, extraBuckets, exclusive: attempt >= MaxLockAttempts, cancellationToken);
            var stored = await transaction.LookupAsync(identifiers, cancellationToken);
            // A fragment creates a profile only when one of its identifiers is new: that bounds the ids to reserve.
            var mayCreate = batch.Count(f => f is not null && f.Identifiers.Any(i => !stored.ContainsKey(i)));
            var load = await transaction.LoadProfilesAsync(stored.Values.Select(s => s.ProfileId).Distinct().ToArray(), mayCreate, cancellationToken);
            if (load.MissingBuckets.Count > 0)
            {
                // Another writer holds a profile this batch touches: start again holding its locks in order.
                extraBuckets.UnionWith(load.MissingBuckets);
                continue;
            }

            var outcome = new BatchResolver(_rules, _survival).Resolve(batch, stored, load.Profiles);
            var next = 0;
            foreach (var profile in outcome.Profiles.Where(p => p.ExistingId is null))
            {
                profile.Id = load.ReservedIds[next++];
            }

            await transaction.ApplyAsync(outcome, _time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _logger.LogDebug("Resolved {Fragments} fragments into {Profiles} profiles ({Merges} merges, {Drops} drops) in {Elapsed}.",
                batch.Length, outcome.Profiles.Count, outcome.Merges.Count, outcome.Drops.Count, Stopwatch.GetElapsedTime(started));
            return outcome.FragmentProfiles.Select(p => p is { } index ? outcome.Profiles[index].Id : (long?)null).ToArray();
        }
    }
}
