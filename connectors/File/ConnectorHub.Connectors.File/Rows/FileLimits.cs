namespace ConnectorHub.Connectors.File.Rows;

/// <summary>Bounds that keep memory flat whatever a file holds.</summary>
internal static class FileLimits
{
    /// <summary>The longest row read (CSV: bytes of one record; JSON Lines: characters of one line).</summary>
    public const int MaxRowSize = 8 * 1024 * 1024;

    /// <summary>How much of an oversized row is kept as its raw text in a rejection.</summary>
    public const int RawPreviewLength = 1024;

    /// <summary>The read buffer of a file.</summary>
    public const int BufferSize = 64 * 1024;
}
