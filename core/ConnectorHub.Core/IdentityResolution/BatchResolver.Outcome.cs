using System.Runtime.InteropServices;
using ConnectorHub.Core.Profiles;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>Turns the resolved union-find into an outcome: final profiles, losers, identifier writes, history and surviving traits.</summary>
internal sealed partial class BatchResolver
{
    private ResolutionOutcome Build(
        IReadOnlyList<ResolutionFragment?> fragments, int[] fragmentHandles, IReadOnlyDictionary<long, StoredProfile> profiles,
        Dictionary<long, int> profileHandle)
    {
        var outcome = new ResolutionOutcome { FragmentProfiles = new int?[fragments.Count] };
        var profileOfRoot = new Dictionary<int, int>();
        int ProfileOf(int handle)
        {
            var root = Find(handle);
            if (!profileOfRoot.TryGetValue(root, out var index))
            {
                index = outcome.Profiles.Count;
                outcome.Profiles.Add(new OutcomeProfile(_minExisting[root] == long.MaxValue ? null : _minExisting[root]));
                profileOfRoot[root] = index;
            }

            return index;
        }

        foreach (var (id, handle) in profileHandle.OrderBy(p => p.Key))
        {
            var profile = ProfileOf(handle);
            if (outcome.Profiles[profile].ExistingId != id)
            {
                outcome.Losers.Add((id, profile));
            }
        }

        for (var i = 0; i < fragments.Count; i++)
        {
            outcome.FragmentProfiles[i] = fragmentHandles[i] == -1 ? null : ProfileOf(fragmentHandles[i]);
        }

        foreach (var (identifier, seen) in _observations)
        {
            if (!seen.Changed)
            {
                continue;
            }

            var write = new IdentifierWrite(identifier, ProfileOf(_owner[identifier]), seen.Source, seen.RecordKey, seen.FirstSeen, seen.LastSeen);
            (seen.IsNew ? outcome.NewIdentifiers : outcome.Redated).Add(write);
        }

        outcome.Merges.AddRange(_merges);
        foreach (var (handle, identifier, fragment, reason) in _drops)
        {
            outcome.Drops.Add(new DropRecord(ProfileOf(handle), identifier, fragment,
                new DropReason(reason.Text, reason.Other is { } other ? ProfileOf(other) : null)));
        }

        SurviveTraits(outcome, fragments, fragmentHandles, profiles, profileHandle, ProfileOf);
        return outcome;
    }

    private void SurviveTraits(
        ResolutionOutcome outcome, IReadOnlyList<ResolutionFragment?> fragments, int[] fragmentHandles,
        IReadOnlyDictionary<long, StoredProfile> profiles, Dictionary<long, int> profileHandle, Func<int, int> profileOf)
    {
        // One flat map of (final profile, trait) → best value: no dictionary per profile on a bulk load.
        var best = new Dictionary<(int Profile, string Name), TraitValue>();
        void Offer(int profile, TraitValue candidate)
        {
            ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(best, (profile, candidate.Name), out var exists);
            if (!exists || _survival.Beats(candidate, current!))
            {
                current = candidate;
            }
        }

        foreach (var (id, handle) in profileHandle)
        {
            var profile = profileOf(handle);
            foreach (var trait in profiles[id].Traits.Values)
            {
                Offer(profile, trait);
            }
        }

        for (var i = 0; i < fragments.Count; i++)
        {
            if (fragments[i] is { Traits.Count: > 0 } fragment && fragmentHandles[i] != -1)
            {
                var profile = profileOf(fragmentHandles[i]);
                foreach (var trait in fragment.Traits)
                {
                    Offer(profile, trait);
                }
            }
        }

        foreach (var ((profile, name), trait) in best)
        {
            if (outcome.Profiles[profile].ExistingId is not { } id || !profiles[id].Traits.TryGetValue(name, out var stored) || stored != trait)
            {
                outcome.TraitWrites.Add((profile, trait));
            }
        }
    }
}
