namespace ConnectorHub.Sdk.Sources;

/// <summary>A stream as a sync has configured it: which mode, which cursor and key.</summary>
public sealed record ConfiguredStream
{
    /// <summary>The stream's name as discovered.</summary>
    public required string Name { get; init; }

    /// <summary>How to read it.</summary>
    public SyncMode SyncMode { get; init; } = SyncMode.FullRefresh;

    /// <summary>The cursor field for incremental reads; empty means the stream's default.</summary>
    public IReadOnlyList<string> CursorField { get; init; } = [];

    /// <summary>The primary key; empty means the stream's default.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PrimaryKey { get; init; } = [];
}
