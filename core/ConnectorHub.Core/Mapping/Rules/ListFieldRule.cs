using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Paths;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>
/// A list field (<c>identifiers[]</c>, <c>line_items[]</c>): appends the items its item rules make. An object item
/// whose source-read fields all came out empty is dropped (an email identifier for a contact with no email), and the
/// list is left out when no item remains.
/// </summary>
internal sealed class ListFieldRule(TargetPath target, string ruleName, SourceLocation location, ListItemRule[] items)
    : FieldRule(target, ruleName, location)
{
    public override bool ReadsSource => true;

    public override bool Apply(JsonNode root, JsonNode? current, JsonObject output, ref List<MappingError>? errors, string? itemPrefix)
    {
        var field = FieldName(itemPrefix);
        var count = 0;
        foreach (var item in items)
        {
            if (item.Each is null)
            {
                count += AddItem(item, root, current, output, ref errors, field, count);
                continue;
            }

            var elements = item.Each.Evaluate(root, current);
            if (elements is JsonArray array)
            {
                foreach (var element in array)
                {
                    count += AddItem(item, root, element, output, ref errors, field, count);
                }
            }
            else if (!JsonScalar.IsMissing(elements))
            {
                // A single object where a list was expected: treat it as a list of one.
                count += AddItem(item, root, elements, output, ref errors, field, count);
            }
        }

        return count > 0;
    }

    private int AddItem(ListItemRule item, JsonNode root, JsonNode? element, JsonObject output, ref List<MappingError>? errors, string field, int index)
    {
        if (item.When is not null && !item.When.Holds(root, element))
        {
            return 0;
        }

        if (item.Value is not null)
        {
            var result = item.Value.Evaluate(root, element);
            if (result.Status == RuleStatus.Failed)
            {
                AddError(ref errors, ItemPrefix(field, index), result.Error!);
            }

            if (result.Status != RuleStatus.Value)
            {
                return 0;
            }

            Target.Write(output, result.Value);
            return 1;
        }

        var obj = new JsonObject();
        var fromSource = false;
        var readsSource = false;
        string? prefix = null;
        foreach (var rule in item.Fields!)
        {
            readsSource |= rule.ReadsSource;
            prefix ??= ItemPrefix(field, index);
            fromSource |= rule.Apply(root, element, obj, ref errors, prefix);
        }

        if (obj.Count == 0 || (readsSource && !fromSource))
        {
            return 0;
        }

        Target.Write(output, obj);
        return 1;
    }
}
