using ConnectorHub.Connectors.File.Files;

namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>One configured stream: where its files are and how to read them.</summary>
internal sealed record FileStreamSettings
{
    /// <summary>The stream's name.</summary>
    public required string Name { get; init; }

    /// <summary>The absolute path of a file or a folder.</summary>
    public required string Path { get; init; }

    /// <summary>For a folder, the file name pattern (<c>*</c> and <c>?</c> wildcards).</summary>
    public required string Pattern { get; init; }

    /// <summary>The files' format.</summary>
    public required FileFormat Format { get; init; }

    /// <summary>The CSV field separator.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The cursor column, when set.</summary>
    public string? CursorField { get; init; }

    /// <summary>The primary key columns (empty when none).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>How incremental reads decide what is new.</summary>
    public IncrementalBy IncrementalBy { get; init; } = IncrementalBy.ModifiedTime;

    /// <summary>
    /// The stream's cursor for incremental reads: the cursor column, or <see cref="FileModifiedAtField.Name"/> when
    /// incremental reads go by modification time.
    /// </summary>
    public string IncrementalCursor => IncrementalBy == IncrementalBy.CursorField ? CursorField! : FileModifiedAtField.Name;

    /// <summary>Whether CSV columns are typed from a sample of rows.</summary>
    public bool InferTypes { get; init; }

    /// <summary>Where this stream sits in the configuration, for error messages (<c>streams[0]</c>).</summary>
    public string SettingPath { get; init; } = "streams";
}
