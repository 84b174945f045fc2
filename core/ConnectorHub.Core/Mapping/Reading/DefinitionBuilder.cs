using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>Turns a document tree into a <see cref="MappingDefinition"/>, collecting every structural problem with its line and key.</summary>
internal sealed partial class DefinitionBuilder(string sourceName)
{
    private static readonly string[] TopLevelKeys = ["entity", "description", "when", "settings", "fields"];
    private static readonly string[] SettingKeys = ["default_region", "time_zone", "default_currency", "date_order"];

    private readonly List<MappingDefinitionError> _errors = [];

    public MappingDefinition Build(DocumentNode document)
    {
        if (document is not MapNode root)
        {
            Error(document, string.Empty, $"the mapping must be a mapping with entity and fields, not {document.Shape}");
            throw new MappingDefinitionException(_errors);
        }

        CheckKeys(root, string.Empty, TopLevelKeys, "a mapping's top-level keys");
        var entity = root["entity"];
        var entityName = entity is ScalarNode { Type: ScalarType.Text } name ? name.Text : string.Empty;
        if (entityName.Length == 0)
        {
            Error(entity ?? root, "entity", "say which canonical entity this maps to: entity: profile_fragment (or event, order, ad_performance, account)");
        }

        var fields = root["fields"];
        IReadOnlyList<FieldDefinition> fieldDefinitions = [];
        if (fields is MapNode fieldMap)
        {
            fieldDefinitions = Fields(fieldMap, "fields");
        }
        else
        {
            Error(fields ?? root, "fields", fields is null ? "the mapping has no fields: add a fields mapping of output path to rule" : $"fields must be a mapping of output path to rule, not {fields.Shape}");
        }

        var definition = new MappingDefinition
        {
            SourceName = sourceName,
            Entity = entityName,
            Description = root["description"] is ScalarNode description ? description.Text : null,
            When = root["when"] is { } when ? Condition(when, "when") : null,
            Settings = root["settings"] is { } settings ? Settings(settings) : new MappingSettings(),
            Fields = fieldDefinitions,
            Location = Location(entity ?? root, "entity"),
        };

        if (_errors.Count > 0)
        {
            throw new MappingDefinitionException(_errors);
        }

        return definition;
    }

    private MappingSettings Settings(DocumentNode node)
    {
        if (node is not MapNode map)
        {
            Error(node, "settings", $"settings must be a mapping ({string.Join(", ", SettingKeys)}), not {node.Shape}");
            return new MappingSettings();
        }

        CheckKeys(map, "settings", SettingKeys, "settings");
        return new MappingSettings
        {
            DefaultRegion = Text(map, "default_region", "settings"),
            TimeZone = Text(map, "time_zone", "settings"),
            DefaultCurrency = Text(map, "default_currency", "settings"),
            DateOrder = Text(map, "date_order", "settings"),
        };
    }

    private List<FieldDefinition> Fields(MapNode map, string keyPath)
    {
        var fields = new List<FieldDefinition>();
        foreach (var (key, value) in map.Entries)
        {
            var path = Join(keyPath, key.Text);
            var location = Location(key, path);
            fields.Add(key.Text.EndsWith("[]", StringComparison.Ordinal)
                ? new FieldDefinition { Target = key.Text, Items = Items(value, path), Location = location }
                : new FieldDefinition { Target = key.Text, Value = ValueRule(value, path, location), Location = location });
        }

        return fields;
    }

    private void CheckKeys(MapNode map, string keyPath, string[] known, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Text))
            {
                Error(key, Join(keyPath, key.Text), $"the key '{key.Text}' appears twice");
            }
            else if (!known.Contains(key.Text, StringComparer.Ordinal))
            {
                Error(key, Join(keyPath, key.Text), $"unknown key '{key.Text}'; {what} are {string.Join(", ", known)}");
            }
        }
    }

    private string? Text(MapNode map, string key, string keyPath)
    {
        var node = map[key];
        if (node is null or ScalarNode { Type: ScalarType.Null })
        {
            return null;
        }

        if (node is ScalarNode scalar)
        {
            return scalar.Text;
        }

        Error(node, Join(keyPath, key), $"{key} must be a single value, not {node.Shape}");
        return null;
    }

    private SourceLocation Location(DocumentNode node, string keyPath) => new(sourceName, node.Line, node.Column, keyPath);

    private void Error(DocumentNode node, string keyPath, string message) =>
        _errors.Add(new MappingDefinitionError(Location(node, keyPath), message));

    private static string Join(string keyPath, string key) => keyPath.Length == 0 ? key : $"{keyPath}.{key}";
}
