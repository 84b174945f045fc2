using System.Runtime.InteropServices;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Resolves a batch of fragments in memory against what the store holds about the identifiers they carry, with a
/// union-find over profiles (path halving, union by size) whose roots keep identifier counts per type. Fragments are
/// taken in order, each as Segment does: it joins the profile of its strongest identifier; every other profile it
/// shares an identifier with merges in unless that would break a limit, and then that identifier is dropped from the
/// fragment (as is a new identifier beyond its limit). Because counts only grow, a group of fragments that never meets
/// a limit resolves to the connected components of the identifier graph, whatever their order. An alias call links its
/// previous id as the user id it names when the graph knows one (else as an anonymous id), and may join two profiles
/// that each hold a user id: it says outright that they are one person. Every other limit still applies to it.
/// </summary>
internal sealed partial class BatchResolver
{
    private readonly IdentityRules _rules;
    private readonly TraitSurvival _survival;
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];
    private readonly List<int[]> _counts = [];
    private readonly List<long> _minExisting = [];
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
    private readonly List<(string Type, TypeRule Rule)> _types = [];
    private readonly Dictionary<Identifier, int> _owner = [];
    private readonly Dictionary<Identifier, Observation> _observations = [];
    private readonly List<(int Handle, Identifier Identifier, ResolutionFragment Fragment, DropReasonDraft Reason)> _drops = [];
    private readonly List<MergeRecord> _merges = [];

    public BatchResolver(IdentityRules rules, TraitSurvival survival)
    {
        _rules = rules;
        _survival = survival;
    }

    public ResolutionOutcome Resolve(
        IReadOnlyList<ResolutionFragment?> fragments,
        IReadOnlyDictionary<Identifier, StoredIdentifier> stored,
        IReadOnlyDictionary<long, StoredProfile> profiles)
    {
        var identifierCount = stored.Count + fragments.Sum(f => f?.Identifiers.Count ?? 0);

        // Sized once: growing dictionaries of a bulk batch would reallocate large arrays and trigger full collections.
        _owner.EnsureCapacity(identifierCount);
        _observations.EnsureCapacity(identifierCount);
        _parent.Capacity = _size.Capacity = _counts.Capacity = _minExisting.Capacity = profiles.Count + fragments.Count;
        IndexTypes(fragments, profiles.Values);
        var profileHandle = new Dictionary<long, int>(profiles.Count);
        foreach (var profile in profiles.Values.OrderBy(p => p.Id))
        {
            var handle = NewHandle(profile.Id);
            foreach (var (type, count) in profile.TypeCounts)
            {
                _counts[handle][_typeIndex[type]] += count;
            }

            profileHandle[profile.Id] = handle;
        }

        foreach (var (identifier, row) in stored)
        {
            _owner[identifier] = profileHandle[row.ProfileId];
            _observations[identifier] = new Observation(row.FirstSeen, null, null, row.LastSeen, IsNew: false);
        }

        var fragmentHandles = new int[fragments.Count];
        for (var i = 0; i < fragments.Count; i++)
        {
            fragmentHandles[i] = fragments[i] is { } fragment ? Place(fragment) : -1;
        }

        return Build(fragments, fragmentHandles, profiles, profileHandle);
    }

    /// <summary>Joins one fragment into the graph; returns its profile's handle, or -1 when it has no identifier.</summary>
    private int Place(ResolutionFragment fragment)
    {
        var current = -1;
        var (identifiers, exemptType, mergeReason) = AliasLinks(fragment);
        foreach (var identifier in identifiers)
        {
            var type = _typeIndex[identifier.Type];
            if (_owner.TryGetValue(identifier, out var owner))
            {
                owner = Find(owner);
                if (current == -1 || owner == current)
                {
                    current = owner;
                }
                else if (Conflict(current, owner, exemptType) is { } conflict)
                {
                    _drops.Add((current, identifier, fragment, new DropReasonDraft(
                        $"It belongs to profile {{other}}; joining the two would give {conflict.Count} {conflict.Type} values, over the limit of {conflict.Rule.Limit} ({conflict.Rule.Key}:Limit).", owner)));
                    continue;
                }
                else
                {
                    current = Union(current, owner, identifier, fragment, mergeReason);
                }
            }
            else
            {
                if (current == -1)
                {
                    current = NewHandle(long.MaxValue);
                }

                var rule = _types[type].Rule;
                if (rule.Limit > 0 && _counts[current][type] >= rule.Limit)
                {
                    _drops.Add((current, identifier, fragment, new DropReasonDraft(
                        $"The profile already has {_counts[current][type]} {identifier.Type} values, the limit ({rule.Key}:Limit).", null)));
                    continue;
                }

                _owner[identifier] = current;
                _counts[current][type]++;
            }

            Observe(identifier, fragment);
        }

        if (current != -1)
        {
            foreach (var (identifier, reason) in fragment.Blocked)
            {
                _drops.Add((current, identifier, fragment, new DropReasonDraft(reason, null)));
            }
        }

        return current;
    }

    /// <summary>
    /// An alias's identifiers with its previous id as the type the graph knows it by (a user id first, else an
    /// anonymous id, new when the graph knows neither), the identifier type whose limit the alias may pass (both of its
    /// ids are user ids) and the reason its merges are recorded with.
    /// </summary>
    private (IReadOnlyList<Identifier> Identifiers, string? ExemptType, string? Reason) AliasLinks(ResolutionFragment fragment)
    {
        if (fragment.AliasCandidates.Count == 0)
        {
            return (fragment.Identifiers, null, null);
        }

        var previous = fragment.AliasCandidates.FirstOrDefault(_owner.ContainsKey) ?? fragment.AliasCandidates[^1];
        var user = fragment.Identifiers.FirstOrDefault(i => i.Type == IdentifierTypes.UserId);
        return ([.. fragment.Identifiers, previous], previous.Type == IdentifierTypes.UserId ? IdentifierTypes.UserId : null,
            $"alias call: previousId '{previous.Value}' (a known {previous.Type}) and userId '{user?.Value}' name one person.");
    }

    private (string Type, TypeRule Rule, int Count)? Conflict(int a, int b, string? exemptType)
    {
        var countsA = _counts[a];
        var countsB = _counts[b];
        for (var t = 0; t < _types.Count; t++)
        {
            var limit = _types[t].Rule.Limit;
            if (limit > 0 && countsA[t] + countsB[t] > limit && _types[t].Type != exemptType)
            {
                return (_types[t].Type, _types[t].Rule, countsA[t] + countsB[t]);
            }
        }

        return null;
    }

    private int Union(int a, int b, Identifier cause, ResolutionFragment fragment, string? reason)
    {
        if (_minExisting[a] != long.MaxValue && _minExisting[b] != long.MaxValue)
        {
            _merges.Add(new MergeRecord(Math.Min(_minExisting[a], _minExisting[b]), Math.Max(_minExisting[a], _minExisting[b]), cause, fragment, reason));
        }

        var (root, child) = _size[a] >= _size[b] ? (a, b) : (b, a);
        _parent[child] = root;
        _size[root] += _size[child];
        _minExisting[root] = Math.Min(_minExisting[root], _minExisting[child]);
        var rootCounts = _counts[root];
        var childCounts = _counts[child];
        for (var t = 0; t < rootCounts.Length; t++)
        {
            rootCounts[t] += childCounts[t];
        }

        return root;
    }

    private int Find(int handle)
    {
        while (_parent[handle] != handle)
        {
            _parent[handle] = _parent[_parent[handle]];
            handle = _parent[handle];
        }

        return handle;
    }

    private int NewHandle(long existingId)
    {
        var handle = _parent.Count;
        _parent.Add(handle);
        _size.Add(1);
        _counts.Add(new int[_types.Count]);
        _minExisting.Add(existingId);
        return handle;
    }

    private void Observe(Identifier identifier, ResolutionFragment fragment)
    {
        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_observations, identifier, out var exists);
        if (!exists)
        {
            seen = new Observation(fragment.ObservedAt, fragment.Source, fragment.RecordKey, fragment.ObservedAt, IsNew: true, Changed: true);
            return;
        }

        if (fragment.ObservedAt < seen.FirstSeen)
        {
            seen = seen with { FirstSeen = fragment.ObservedAt, Source = fragment.Source, RecordKey = fragment.RecordKey, Changed = true };
        }

        if (fragment.ObservedAt > seen.LastSeen)
        {
            seen = seen with { LastSeen = fragment.ObservedAt, Changed = true };
        }
    }

    private void IndexTypes(IReadOnlyList<ResolutionFragment?> fragments, IEnumerable<StoredProfile> profiles)
    {
        foreach (var type in fragments.SelectMany(f => f is null ? [] : f.Identifiers.Concat(f.AliasCandidates)).Select(i => i.Type).Concat(profiles.SelectMany(p => p.TypeCounts.Keys)))
        {
            if (!_typeIndex.ContainsKey(type))
            {
                _typeIndex[type] = _types.Count;
                _types.Add((type, _rules.RuleFor(type)));
            }
        }
    }

    private readonly record struct Observation(DateTimeOffset FirstSeen, string? Source, string? RecordKey, DateTimeOffset LastSeen, bool IsNew, bool Changed = false);

    private sealed record DropReasonDraft(string Text, int? Other);
}
