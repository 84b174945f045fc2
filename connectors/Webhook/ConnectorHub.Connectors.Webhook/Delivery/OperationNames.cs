using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>How record operations are named in the webhook body.</summary>
internal static class OperationNames
{
    /// <summary>The body's name for <paramref name="operation"/>: upsert, delete, add or remove.</summary>
    public static string Of(RecordOperation operation) => operation switch
    {
        RecordOperation.Upsert => "upsert",
        RecordOperation.Delete => "delete",
        RecordOperation.Add => "add",
        RecordOperation.Remove => "remove",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown record operation."),
    };
}
