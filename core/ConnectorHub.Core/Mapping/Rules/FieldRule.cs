using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Paths;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>One compiled entry of <c>fields</c> (or of a list item's fields): writes its output path.</summary>
internal abstract class FieldRule(TargetPath target, string ruleName, SourceLocation location)
{
    public TargetPath Target { get; } = target;

    /// <summary>The rule as named in errors (its key path under <c>fields</c>).</summary>
    public string RuleName { get; } = ruleName;

    public SourceLocation Location { get; } = location;

    /// <summary>Whether some value of this field comes from the record rather than from constants.</summary>
    public abstract bool ReadsSource { get; }

    /// <summary>
    /// Applies the rule; returns whether it wrote a value read from the record. <paramref name="itemPrefix"/> is the
    /// output position of the enclosing list item (<c>line_items[2]</c>), null at the top level.
    /// </summary>
    public abstract bool Apply(JsonNode root, JsonNode? current, JsonObject output, ref List<MappingError>? errors, string? itemPrefix);

    protected string FieldName(string? itemPrefix) => itemPrefix is null ? Target.Field : $"{itemPrefix}.{Target.Field}";

    protected void AddError(ref List<MappingError>? errors, string field, string message)
    {
        errors ??= [];
        errors.Add(new MappingError(RuleName, field, message) { Location = Location });
    }

    protected static string ItemPrefix(string field, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}
