namespace ConnectorHub.Sdk.Streams.Partitions;

/// <summary>
/// Reads a stream once per record of a parent stream (each ad account's campaigns, each list's members). The parent's
/// record fills the child's path placeholders (<c>act_{id}/campaigns</c>) and is passed to its transforms. Each
/// partition keeps its own state, so a resumed read skips partitions already finished.
/// </summary>
public sealed record ParentStreamOptions
{
    /// <summary>The parent stream's name (it is read with a full refresh, never emitted by the child).</summary>
    public required string ParentStream { get; init; }

    /// <summary>The parent record's field that keys a partition in the child's state (for example <c>id</c>).</summary>
    public string PartitionKey { get; init; } = "id";
}
