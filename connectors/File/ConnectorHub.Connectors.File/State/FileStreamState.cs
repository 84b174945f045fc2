using ConnectorHub.Connectors.File.Files;

namespace ConnectorHub.Connectors.File.State;

/// <summary>
/// The checkpoint of one stream. A pass reads the stream's files once, in name order; while a pass is under way,
/// <see cref="Completed"/> and <see cref="Current"/> say where to resume it. Between passes they are empty.
/// </summary>
internal sealed class FileStreamState
{
    /// <summary>The state layout this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The read mode the state was written for.</summary>
    public ReadMode Mode { get; init; }

    /// <summary>For cursor reads: the cursor column the values below belong to.</summary>
    public string? CursorField { get; init; }

    /// <summary>For cursor reads: the pass reads rows whose cursor is at or past this value (null: every row).</summary>
    public string? Cursor { get; set; }

    /// <summary>For cursor reads: the greatest cursor seen so far in the pass under way.</summary>
    public string? MaxCursor { get; set; }

    /// <summary>For modified-time reads: the files read in full by earlier passes, as they were then.</summary>
    public Dictionary<string, FileFingerprint> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The files the pass under way has finished (read, or skipped as unchanged).</summary>
    public Dictionary<string, FileFingerprint> Completed { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The file the pass under way is in the middle of, if any.</summary>
    public FilePosition? Current { get; set; }

    /// <summary>A state with nothing read yet.</summary>
    public static FileStreamState Initial(ReadMode mode, string? cursorField) => new() { Mode = mode, CursorField = cursorField };
}
