using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Conditions;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Rules;
using ConnectorHub.Core.Mapping.Validation;
using ConnectorHub.Core.Mapping.Values;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Schemas;

namespace ConnectorHub.Core.Mapping;

/// <summary>
/// A mapping ready to run on every record of a sync. Immutable and safe to share across threads. A bad record never
/// throws: it comes back as a rejection naming the rule, the field and the reason.
/// </summary>
public sealed partial class CompiledMapping
{
    private readonly Condition? _when;
    private readonly FieldRule[] _fields;
    private readonly RuleIndex _index;

    internal CompiledMapping(MappingDefinition definition, CanonicalEntityType entityType, Condition? when, FieldRule[] fields, RuleIndex index)
    {
        Definition = definition;
        EntityType = entityType;
        _when = when;
        _fields = fields;
        _index = index;
    }

    /// <summary>The definition this was compiled from.</summary>
    public MappingDefinition Definition { get; }

    /// <summary>The canonical entity the mapping produces.</summary>
    public CanonicalEntityType EntityType { get; }

    /// <summary>Maps one source record and validates the entity; the record is not modified.</summary>
    public MappingOutcome Map(JsonObject record) => Map(record, MappingOptions.Default);

    /// <summary>Maps one source record; the record is not modified.</summary>
    public MappingOutcome Map(JsonObject record, MappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        if (_when is not null && !_when.Holds(record, record))
        {
            return MappingOutcome.Skipped;
        }

        var output = new JsonObject();
        List<MappingError>? errors = null;
        try
        {
            foreach (var field in _fields)
            {
                field.Apply(record, record, output, ref errors, null);
            }
        }
        catch (Exception ex)
        {
            // Last line of defence: a record must never stop a run. Known failures are reported by the rules themselves.
            return MappingOutcome.Rejected([new MappingError("(mapping engine)", string.Empty, $"unexpected error while mapping this record: {ex.Message}")]);
        }

        if (errors is not null)
        {
            return MappingOutcome.Rejected(errors);
        }

        if (!options.ValidateAgainstSchema)
        {
            return MappingOutcome.Mapped(output);
        }

        var violations = CanonicalValidator.Validate(EntityType, output);
        return violations.Count == 0 ? MappingOutcome.Mapped(output) : MappingOutcome.Rejected([.. violations.Select(v => Describe(v, output))]);
    }

    private MappingError Describe(SchemaViolation violation, JsonObject output)
    {
        var field = violation.Path;
        var message = violation.Message;
        var missing = RequiredField().Match(message);
        if (missing.Success)
        {
            var property = missing.Groups[1].Value;
            if (field != property && !field.EndsWith("." + property, StringComparison.Ordinal))
            {
                field = field.Length == 0 ? property : $"{field}.{property}";
            }
        }
        else if (Read(output, field) is { } value)
        {
            message = $"{JsonScalar.Describe(value)} {message}";
        }

        var entity = EntityNames.All[(int)EntityType];
        if (_index.Find(field) is not { } rule)
        {
            return new MappingError("(none)", field, $"{message} in {entity}; add a rule for '{field}' under fields");
        }

        if (missing.Success && rule.Rule.EndsWith("[]", StringComparison.Ordinal))
        {
            message += ": the rule made no item for this record";
        }

        return new MappingError(rule.Rule, field, $"{message} ({entity} schema)") { Location = rule.Location };
    }

    private static JsonNode? Read(JsonObject output, string field)
    {
        JsonNode? node = output;
        foreach (Match part in FieldPart().Matches(field))
        {
            node = part.Groups["name"].Success
                ? (node as JsonObject)?[part.Groups["name"].Value]
                : node is JsonArray array && int.TryParse(part.Groups["index"].Value, out var i) && i < array.Count ? array[i] : null;
        }

        return node;
    }

    [GeneratedRegex("the required field '([^']+)' is missing")]
    private static partial Regex RequiredField();

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex FieldPart();
}
