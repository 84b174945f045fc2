using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Turns a canonical fragment into what the resolver takes: identifiers normalized, de-duplicated, blocked ones set
/// apart, the rest strongest first; times in UTC milliseconds (what both stores keep).
/// </summary>
internal static class FragmentPreparation
{
    /// <summary>Prepares <paramref name="fragment"/>; <paramref name="aliasPreviousId"/> is the previous id of an alias call.</summary>
    public static (ResolutionFragment? Fragment, string? Error) Prepare(ProfileFragment fragment, IdentityRules rules, bool withTraits = true, string? aliasPreviousId = null)
    {
        var usable = new List<Identifier>(fragment.Identifiers.Count);
        var blocked = new List<(Identifier, string)>();
        foreach (var raw in fragment.Identifiers)
        {
            var identifier = IdentifierNormalizer.Normalize(raw);
            if (identifier.Type.Length == 0 || usable.Contains(identifier) || blocked.Exists(b => b.Item1 == identifier))
            {
                continue;
            }

            if (rules.BlockedReason(identifier.Type, identifier.Value) is { } reason)
            {
                blocked.Add((identifier, reason));
            }
            else
            {
                usable.Add(identifier);
            }
        }

        if (usable.Count == 0)
        {
            return (null, blocked.Count == 0
                ? "The fragment has no identifier."
                : $"The fragment has no usable identifier: {string.Join(" ", blocked.Select(b => $"{b.Item1.Type}: {b.Item2}"))}");
        }

        usable.Sort((a, b) =>
        {
            var byPriority = rules.RuleFor(a.Type).Priority.CompareTo(rules.RuleFor(b.Type).Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byType = string.CompareOrdinal(a.Type, b.Type);
            return byType != 0 ? byType : string.CompareOrdinal(a.Value, b.Value);
        });
        var candidates = AliasCandidates(aliasPreviousId, usable, blocked, rules);
        var observedAt = Milliseconds(fragment.ObservedAt);
        var prepared = fragment with { ObservedAt = observedAt };
        return (new ResolutionFragment
        {
            Source = fragment.Source,
            RecordKey = fragment.RecordKey,
            ObservedAt = observedAt,
            Identifiers = usable,
            Blocked = blocked,
            Traits = withTraits ? FragmentTraits.Of(prepared) : [],
            AliasCandidates = candidates,
        }, null);
    }

    /// <summary>The time in UTC, truncated to milliseconds.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>
    /// The types an alias's previous id may have, strongest first (a user id, else an anonymous id), without those
    /// blocked; none when it is the alias's own user id.
    /// </summary>
    private static List<Identifier> AliasCandidates(string? previousId, List<Identifier> usable, List<(Identifier, string)> blocked, IdentityRules rules)
    {
        var candidates = new List<Identifier>(2);
        if (previousId is null)
        {
            return candidates;
        }

        var reasons = new List<(Identifier, string)>(2);
        foreach (var type in (string[])[IdentifierTypes.UserId, IdentifierTypes.AnonymousId])
        {
            var candidate = IdentifierNormalizer.Normalize(type, previousId);
            if (usable.Contains(candidate))
            {
                return [];
            }

            if (rules.BlockedReason(candidate.Type, candidate.Value) is { } reason)
            {
                reasons.Add((candidate, reason));
            }
            else
            {
                candidates.Add(candidate);
            }
        }

        if (candidates.Count == 0)
        {
            blocked.AddRange(reasons.Take(1));
        }

        return candidates;
    }
}
