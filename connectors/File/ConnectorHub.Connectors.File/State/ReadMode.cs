namespace ConnectorHub.Connectors.File.State;

/// <summary>How one read of a stream decides what to read; stored in the state so a changed setting restarts cleanly.</summary>
internal enum ReadMode
{
    /// <summary>Every row of every file.</summary>
    FullRefresh,

    /// <summary>Files changed since the last committed state.</summary>
    ModifiedTime,

    /// <summary>Rows whose cursor is at or past the last committed greatest cursor.</summary>
    CursorField,
}
