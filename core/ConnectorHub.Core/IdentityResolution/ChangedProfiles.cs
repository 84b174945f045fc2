namespace ConnectorHub.Core.IdentityResolution;

/// <summary>The existing profiles a batch changes (new identifiers, traits, merges, drops), whose update time moves.</summary>
internal static class ChangedProfiles
{
    public static long[] Of(ResolutionOutcome outcome)
    {
        var changed = new HashSet<int>();
        changed.UnionWith(outcome.NewIdentifiers.Select(i => i.Profile));
        changed.UnionWith(outcome.TraitWrites.Select(t => t.Profile));
        changed.UnionWith(outcome.Losers.Select(l => l.Profile));
        changed.UnionWith(outcome.Drops.Select(d => d.Profile));
        return changed.Select(p => outcome.Profiles[p]).Where(p => p.ExistingId is not null).Select(p => p.Id).Order().ToArray();
    }
}
