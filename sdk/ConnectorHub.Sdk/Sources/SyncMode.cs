namespace ConnectorHub.Sdk.Sources;

/// <summary>How a source stream is read.</summary>
public enum SyncMode
{
    /// <summary>Read everything the stream holds, every run.</summary>
    FullRefresh,

    /// <summary>Read only what changed since the last committed state (cursor).</summary>
    Incremental,
}
