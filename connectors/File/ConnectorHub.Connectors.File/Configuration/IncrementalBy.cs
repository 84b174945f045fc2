namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>How an incremental read decides what is new.</summary>
internal enum IncrementalBy
{
    /// <summary>Files unchanged (same size, modified no later) since the last committed state are skipped.</summary>
    ModifiedTime,

    /// <summary>Rows whose cursor value is at or past the last committed greatest cursor are read.</summary>
    CursorField,
}
