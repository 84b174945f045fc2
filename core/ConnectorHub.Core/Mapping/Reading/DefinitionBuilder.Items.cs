using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>List items: <c>identifiers[]</c> with one entry per item, or <c>line_items[]</c> built with <c>each</c>.</summary>
internal sealed partial class DefinitionBuilder
{
    private static readonly string[] ExplicitItemKeys = ["each", "when", "fields", "item"];

    private List<ListItemDefinition> Items(DocumentNode node, string keyPath)
    {
        if (node is SequenceNode sequence)
        {
            return [.. sequence.Items.Select((item, i) => Item(item, $"{keyPath}[{i}]"))];
        }

        return [Item(node, keyPath)];
    }

    private ListItemDefinition Item(DocumentNode node, string keyPath)
    {
        var location = Location(node, keyPath);
        if (node is not MapNode map)
        {
            return new ListItemDefinition { Value = ValueRule(node, keyPath, location), Location = location };
        }

        if (map.Has("fields") || map.Has("item"))
        {
            CheckKeys(map, keyPath, ExplicitItemKeys, "an item's keys");
            var fields = map["fields"];
            return new ListItemDefinition
            {
                Each = Text(map, "each", keyPath),
                When = map["when"] is { } when ? Condition(when, Join(keyPath, "when")) : null,
                Fields = fields is MapNode fieldMap ? Fields(fieldMap, Join(keyPath, "fields")) : null,
                Value = map["item"] is { } item ? ValueRule(item, Join(keyPath, "item"), Location(item, Join(keyPath, "item"))) : null,
                Location = location,
            };
        }

        if (SourceKeys.Any(map.Has))
        {
            // A scalar item written as a rule, optionally repeated with each: { each: tags, from: "@", normalize: lowercase }.
            var rule = RuleFromMap(map, keyPath, location, "each");
            return new ListItemDefinition { Each = Text(map, "each", keyPath), Value = rule, Location = location };
        }

        // The short form of an object item: its fields, plus optional each and when.
        var itemFields = new MapNode([.. map.Entries.Where(e => e.Key.Text is not ("each" or "when"))], map.Line, map.Column);
        return new ListItemDefinition
        {
            Each = Text(map, "each", keyPath),
            When = map["when"] is { } itemWhen ? Condition(itemWhen, Join(keyPath, "when")) : null,
            Fields = Fields(itemFields, keyPath),
            Location = location,
        };
    }
}
