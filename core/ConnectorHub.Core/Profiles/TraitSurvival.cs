using ConnectorHub.Core.IdentityResolution;

namespace ConnectorHub.Core.Profiles;

/// <summary>
/// Which value of a trait survives: the source ranked higher for that trait (<c>TraitSourcePriority</c>), then the
/// later observation time (so an old backfill never overwrites a newer value), then a fixed tie-break on source and
/// value so the result never depends on the order observations arrive in.
/// </summary>
internal sealed class TraitSurvival(IdentityRules rules)
{
    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="current"/>.</summary>
    public bool Beats(TraitValue candidate, TraitValue current)
    {
        var rankCandidate = rules.TraitSourceRank(candidate.Name, candidate.Source);
        var rankCurrent = rules.TraitSourceRank(current.Name, current.Source);
        if (rankCandidate != rankCurrent)
        {
            return rankCandidate < rankCurrent;
        }

        if (candidate.ObservedAt != current.ObservedAt)
        {
            return candidate.ObservedAt > current.ObservedAt;
        }

        var bySource = string.CompareOrdinal(candidate.Source, current.Source);
        return bySource != 0 ? bySource > 0 : string.CompareOrdinal(candidate.Json, current.Json) > 0;
    }

    /// <summary>Folds <paramref name="candidate"/> into <paramref name="best"/> (by trait name).</summary>
    public void Offer(Dictionary<string, TraitValue> best, TraitValue candidate)
    {
        if (!best.TryGetValue(candidate.Name, out var current) || Beats(candidate, current))
        {
            best[candidate.Name] = candidate;
        }
    }
}
