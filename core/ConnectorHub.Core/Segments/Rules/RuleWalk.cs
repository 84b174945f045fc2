namespace ConnectorHub.Core.Segments.Rules;

/// <summary>Every node of a rule tree with its JSON path, to check references (segments, computed traits) by path.</summary>
public static class RuleWalk
{
    /// <summary>The nodes of <paramref name="rule"/>, depth first, each with its JSON path.</summary>
    public static IEnumerable<(RuleNode Node, string Path)> Nodes(RuleNode rule, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(rule);
        yield return (rule, path);
        var children = rule switch
        {
            AllRule all => all.Rules.Select((r, i) => (r, $"{path}.all[{i}]")),
            AnyRule any => any.Rules.Select((r, i) => (r, $"{path}.any[{i}]")),
            NotRule not => [(not.Rule, path + ".not")],
            _ => [],
        };
        foreach (var (child, childPath) in children)
        {
            foreach (var node in Nodes(child, childPath))
            {
                yield return node;
            }
        }
    }

    /// <summary>The ids of the segments <paramref name="rule"/> refers to directly.</summary>
    public static IEnumerable<long> SegmentIds(RuleNode rule) => Nodes(rule).Select(n => n.Node).OfType<SegmentMembershipRule>().Select(s => s.SegmentId);

    /// <summary>The names of the computed traits <paramref name="rule"/> refers to directly.</summary>
    public static IEnumerable<string> ComputedTraits(RuleNode rule) => Nodes(rule).Select(n => n.Node).OfType<ComputedTraitRule>().Select(c => c.Name);
}
