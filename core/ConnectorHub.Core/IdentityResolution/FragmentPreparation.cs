using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Turns a canonical fragment into what the resolver takes: identifiers normalized, de-duplicated, blocked ones set
/// apart, the rest strongest first; times in UTC milliseconds (what both stores keep).
/// </summary>
internal static class FragmentPreparation
{
    public static (ResolutionFragment? Fragment, string? Error) Prepare(ProfileFragment fragment, IdentityRules rules, bool withTraits = true)
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
        }, null);
    }

    /// <summary>The time in UTC, truncated to milliseconds.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
