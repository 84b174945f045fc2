using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>Merges a batch's <c>context</c> into an item's: the item's own values win, objects merge key by key.</summary>
public static class ContextMerge
{
    /// <summary>The merged context (a new object); null when both are null.</summary>
    public static JsonObject? Merge(JsonObject? batch, JsonObject? item)
    {
        if (batch is null)
        {
            return item;
        }

        var merged = (JsonObject)batch.DeepClone();
        if (item is not null)
        {
            Into(merged, item);
        }

        return merged;
    }

    private static void Into(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject sourceObject && target[key] is JsonObject targetObject)
            {
                Into(targetObject, sourceObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
