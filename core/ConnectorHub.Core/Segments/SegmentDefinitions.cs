using System.Data.Common;
using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;

namespace ConnectorHub.Core.Segments;

/// <summary>
/// Every segment's rule and every computed trait's id, read together: what a rule may refer to. Checks a rule's
/// references (they exist, and no segment reaches itself through others).
/// </summary>
internal sealed class SegmentDefinitions(HubDatabase database)
{
    public async Task<RuleReferences> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, cancellationToken);
    }

    public async Task<RuleReferences> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var definition = database.Provider == StorageProvider.Postgres ? "definition::text" : "definition";
        var segments = await connection.QueryAsync<(long Id, string Definition)>(new CommandDefinition($"SELECT id, {definition} FROM segments", cancellationToken: cancellationToken));
        var traits = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("SELECT id, name FROM computed_traits", cancellationToken: cancellationToken));
        return new RuleReferences(
            segments.ToDictionary(s => s.Id, s => RuleParser.Parse(s.Definition)),
            traits.ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal));
    }

    /// <summary>
    /// Checks that <paramref name="rule"/>'s references exist and that, saved as segment <paramref name="id"/> (null when
    /// new), it does not reach itself; errors are named by the JSON path of the referring node.
    /// </summary>
    public static void CheckReferences(RuleNode rule, long? id, RuleReferences references)
    {
        var errors = new ValidationErrors();
        foreach (var (node, path) in RuleWalk.Nodes(rule))
        {
            switch (node)
            {
                case SegmentMembershipRule s when !references.Segments.ContainsKey(s.SegmentId) && s.SegmentId != id:
                    errors.Add(path + ".segment", $"No segment with id {s.SegmentId}.");
                    break;
                case SegmentMembershipRule s when Cycle(s.SegmentId, id, references, []) is { } cycle:
                    errors.Add(path + ".segment", $"The segment {s.SegmentId} leads back to this segment ({string.Join(" → ", cycle)}); a segment cannot contain itself.");
                    break;
                case ComputedTraitRule c when !references.ComputedTraits.ContainsKey(c.Name):
                    errors.Add(path + ".computedTrait", $"No computed trait named '{c.Name}'; create it under /api/computed-traits first.");
                    break;
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>The chain of segments from <paramref name="from"/> back to <paramref name="target"/>, or null when there is none.</summary>
    private static List<long>? Cycle(long from, long? target, RuleReferences references, List<long> trail)
    {
        if (target is null)
        {
            return null; // a new segment has no id yet, so nothing can refer to it
        }

        if (from == target)
        {
            return [.. trail, from];
        }

        if (trail.Contains(from) || !references.Segments.TryGetValue(from, out var rule))
        {
            return null;
        }

        trail.Add(from);
        foreach (var next in RuleWalk.SegmentIds(rule).Distinct())
        {
            if (Cycle(next, target, references, trail) is { } found)
            {
                return found;
            }
        }

        trail.RemoveAt(trail.Count - 1);
        return null;
    }

    /// <summary>The computed traits <paramref name="rule"/> uses, through the segments it refers to as well.</summary>
    public static IReadOnlySet<string> ComputedTraitsOf(RuleNode rule, RuleReferences references)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<long>();
        var pending = new Stack<RuleNode>([rule]);
        while (pending.TryPop(out var next))
        {
            names.UnionWith(RuleWalk.ComputedTraits(next));
            foreach (var id in RuleWalk.SegmentIds(next).Where(seen.Add))
            {
                if (references.Segments.TryGetValue(id, out var referred))
                {
                    pending.Push(referred);
                }
            }
        }

        return names;
    }
}
