using System.Text.Json;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Segments.ComputedTraits;

/// <summary>
/// A parsed computed trait definition: <c>{"kind":"sum","event":"Order Completed","property":"total",
/// "where":[...],"within":{"days":30}}</c>. Every kind but count needs a property.
/// </summary>
public sealed record ComputedTraitDefinition(ComputedTraitKind Kind, EventRule Events, IReadOnlyList<string>? Property)
{
    /// <summary>Parses and validates <paramref name="json"/>; problems are named by path under <paramref name="path"/>.</summary>
    public static ComputedTraitDefinition Parse(JsonElement json, string path = "$.definition")
    {
        var errors = new ValidationErrors();
        var kinds = Enum.GetValues<ComputedTraitKind>().ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()), StringComparer.Ordinal);
        ComputedTraitKind? kind = null;
        var k = default(JsonElement);
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("kind", out k) && k.ValueKind == JsonValueKind.String && kinds.TryGetValue(k.GetString()!, out var parsed))
        {
            kind = parsed;
        }
        else
        {
            errors.Add(path + ".kind", $"Expected a kind: {string.Join(", ", kinds.Keys)}.");
        }

        var events = RuleParser.EventSelection(json, path, errors, "kind", "property");
        IReadOnlyList<string>? property = null;
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("property", out var p))
        {
            if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } name && !name.Contains('"', StringComparison.Ordinal) && name.Split('.').All(s => s.Length > 0))
            {
                property = name.Split('.');
            }
            else
            {
                errors.Add(path + ".property", "Expected a property name or dotted path (order.total).");
            }
        }
        else if (kind is not null and not ComputedTraitKind.Count)
        {
            errors.Add(path + ".property", $"The kind {k.GetString()} needs the property to aggregate.");
        }

        errors.ThrowIfAny();
        return new ComputedTraitDefinition(kind!.Value, events!, property);
    }
}
