using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>How many profiles a rule matches right now, or what is wrong with the rule (by JSON path).</summary>
public sealed record CountPreview(SegmentPreview? Result, IReadOnlyList<string> Errors)
{
    public static CountPreview None { get; } = new(null, []);

    public static async Task<CountPreview> ForAsync(SegmentQueries queries, string? definition, CancellationToken cancellationToken)
    {
        try
        {
            return new CountPreview(await queries.PreviewAsync(RuleText.Parse(definition), cancellationToken), []);
        }
        catch (HubValidationException error)
        {
            return new CountPreview(null, error.Errors.SelectMany(e => e.Value.Select(m => e.Key.StartsWith('$') ? $"{e.Key}: {m}" : m)).ToArray());
        }
    }
}
