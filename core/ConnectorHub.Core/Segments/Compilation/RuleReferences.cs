using ConnectorHub.Core.Segments.Rules;

namespace ConnectorHub.Core.Segments.Compilation;

/// <summary>What a rule may refer to: other segments' rules by id and computed traits by name.</summary>
internal sealed class RuleReferences(IReadOnlyDictionary<long, RuleNode> segments, IReadOnlyDictionary<string, long> computedTraits)
{
    public static readonly RuleReferences None = new(new Dictionary<long, RuleNode>(), new Dictionary<string, long>());

    public IReadOnlyDictionary<long, RuleNode> Segments => segments;

    public IReadOnlyDictionary<string, long> ComputedTraits => computedTraits;

    public RuleNode SegmentRule(long id) => segments.TryGetValue(id, out var rule)
        ? rule
        : throw new InvalidOperationException($"The rule refers to the segment {id}, which does not exist.");

    public long ComputedTraitId(string name) => computedTraits.TryGetValue(name, out var id)
        ? id
        : throw new InvalidOperationException($"The rule refers to the computed trait '{name}', which does not exist.");
}
