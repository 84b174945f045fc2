using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tests.IdentityResolution;

/// <summary>The identity graph in memory, applying outcomes as the database stores do, so resolution can be tested across batches without I/O.</summary>
internal sealed class InMemoryIdentityStore : IIdentityStore, IIdentityTransaction
{
    private long _nextId;

    /// <summary>One transaction at a time: it is its own transaction.</summary>
    public bool HasConcurrentWriters => false;

    public Dictionary<Identifier, (long ProfileId, DateTimeOffset First, DateTimeOffset Last, string Source)> Identifiers { get; } = [];

    public Dictionary<long, long?> Profiles { get; } = [];

    public Dictionary<(long Profile, string Name), TraitValue> Traits { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<(long Profile, Identifier Identifier, string Reason)> Drops { get; } = [];

    public Task<IIdentityTransaction> BeginAsync(IReadOnlyCollection<Identifier> identifiers, IReadOnlySet<int> extraBuckets, bool exclusive, CancellationToken cancellationToken) =>
        Task.FromResult<IIdentityTransaction>(this);

    public Task<Dictionary<Identifier, StoredIdentifier>> LookupAsync(IReadOnlyCollection<Identifier> identifiers, CancellationToken cancellationToken) =>
        Task.FromResult(identifiers.Where(Identifiers.ContainsKey).ToDictionary(i => i, i => new StoredIdentifier(Identifiers[i].ProfileId, Identifiers[i].First, Identifiers[i].Last)));

    public Task<ProfileLoad> LoadProfilesAsync(IReadOnlyCollection<long> profileIds, int reserve, CancellationToken cancellationToken)
    {
        var profiles = profileIds.ToDictionary(id => id, id => new StoredProfile(id));
        foreach (var (identifier, row) in Identifiers.Where(i => profiles.ContainsKey(i.Value.ProfileId)))
        {
            var counts = profiles[row.ProfileId].TypeCounts;
            counts[identifier.Type] = counts.GetValueOrDefault(identifier.Type) + 1;
        }

        foreach (var ((profile, name), trait) in Traits.Where(t => profiles.ContainsKey(t.Key.Profile)))
        {
            profiles[profile].Traits[name] = trait;
        }

        var reserved = Enumerable.Range(0, reserve).Select(_ => ++_nextId).ToArray();
        return Task.FromResult(new ProfileLoad(profiles, new HashSet<int>(), reserved));
    }

    public Task ApplyAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var profile in outcome.Profiles.Where(p => p.ExistingId is null))
        {
            Profiles[profile.Id] = null;
        }

        foreach (var (loser, index) in outcome.Losers)
        {
            var survivor = outcome.Profiles[index].Id;
            foreach (var id in Profiles.Keys.Where(id => id == loser || Profiles[id] == loser).ToArray())
            {
                Profiles[id] = survivor;
            }

            foreach (var identifier in Identifiers.Where(i => i.Value.ProfileId == loser).Select(i => i.Key).ToArray())
            {
                Identifiers[identifier] = Identifiers[identifier] with { ProfileId = survivor };
            }

            foreach (var key in Traits.Keys.Where(k => k.Profile == loser).ToArray())
            {
                Traits.Remove(key);
            }
        }

        foreach (var row in outcome.NewIdentifiers)
        {
            Identifiers.Add(row.Identifier, (outcome.Profiles[row.Profile].Id, row.FirstSeen, row.LastSeen, row.Source!));
        }

        foreach (var row in outcome.Redated)
        {
            var stored = Identifiers[row.Identifier];
            Identifiers[row.Identifier] = stored with { First = row.FirstSeen, Last = row.LastSeen, Source = row.Source ?? stored.Source };
        }

        foreach (var (profile, trait) in outcome.TraitWrites)
        {
            Traits[(outcome.Profiles[profile].Id, trait.Name)] = trait;
        }

        Merges.AddRange(outcome.Merges);
        Drops.AddRange(outcome.Drops.Select(d => (outcome.Profiles[d.Profile].Id, d.Identifier, d.Reason.Describe(outcome.Profiles))));
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The partition of identifiers into profiles, independent of profile ids.</summary>
    public HashSet<string> Partition() => Identifiers.GroupBy(i => i.Value.ProfileId)
        .Select(g => string.Join(' ', g.Select(i => i.Key.ToString()).Order(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
}
