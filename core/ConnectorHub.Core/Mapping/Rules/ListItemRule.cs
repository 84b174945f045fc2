using ConnectorHub.Core.Mapping.Conditions;
using ConnectorHub.Core.Mapping.Paths;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>A compiled list item: one item, or one per element of <see cref="Each"/>; an object (fields) or a value.</summary>
internal sealed class ListItemRule
{
    public required SourcePath? Each { get; init; }

    public required Condition? When { get; init; }

    public required FieldRule[]? Fields { get; init; }

    public required ValueRule? Value { get; init; }
}
