using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Reading;

namespace ConnectorHub.Connectors.File.State;

/// <summary>
/// The rules of a stream's state during one pass: which files are done or unchanged, where to resume in a file,
/// which rows the cursor admits, and what the state becomes when the pass ends.
/// </summary>
internal sealed class StreamProgress(FileStreamSettings stream, ReadMode mode)
{
    private FileStreamState _state = FileStreamState.Initial(mode, stream.CursorField);

    /// <summary>Starts from <paramref name="saved"/>; returns a warning when it belongs to another mode and is dropped.</summary>
    public string? Restore(JsonNode? saved)
    {
        var state = FileStreamStateJson.Read(saved, stream.Name);
        if (state is null)
        {
            return null;
        }

        if (state.Mode != mode || (mode == ReadMode.CursorField && state.CursorField != stream.CursorField))
        {
            return $"Stream '{stream.Name}': the saved state was written for another read mode or cursor column " +
                $"({FileStreamStateJson.ModeName(state.Mode)}{(state.CursorField is null ? string.Empty : $" on '{state.CursorField}'")}), so the stream is read from the start.";
        }

        _state = state;
        return null;
    }

    /// <summary>Whether <paramref name="file"/> needs no reading: finished earlier in this pass, or unchanged since the last one.</summary>
    public bool IsDone(SourceFile file)
    {
        if (_state.Completed.TryGetValue(file.Name, out var finished) && finished == file.Fingerprint)
        {
            return true;
        }

        if (mode == ReadMode.ModifiedTime && _state.Files.TryGetValue(file.Name, out var previous) && file.Fingerprint.IsUnchangedSince(previous))
        {
            // Keep the recorded fingerprint: it is the mark later changes are measured against.
            _state.Completed[file.Name] = previous;
            return true;
        }

        return false;
    }

    /// <summary>How many rows of <paramref name="file"/> an interrupted pass already read, and a warning when they cannot be trusted.</summary>
    public (long Skip, string? Notice) ResumePoint(SourceFile file)
    {
        if (_state.Current is not { } position || position.File != file.Name)
        {
            return (0, null);
        }

        return position.Fingerprint == file.Fingerprint
            ? (position.Rows, null)
            : (0, $"Stream '{stream.Name}': {file.Name} changed since the last checkpoint, so it is read again from its start; " +
                "rows read before the checkpoint may be sent again. Write export files under a temporary name and rename them when complete.");
    }

    /// <summary>
    /// The cursor rule: a row is read when its cursor is at or past the pass's starting cursor (so rows equal to
    /// the last run's greatest value are read again), and always when it has no cursor value.
    /// </summary>
    public bool Admits(JsonObject record)
    {
        if (mode != ReadMode.CursorField || CursorValues.Of(record, stream.CursorField!) is not { } value)
        {
            return true;
        }

        _state.MaxCursor = CursorValues.Max(_state.MaxCursor, value);
        return _state.Cursor is null || CursorValues.Compare(value, _state.Cursor) >= 0;
    }

    /// <summary>Records that <paramref name="rows"/> rows of <paramref name="file"/> are read.</summary>
    public void InFile(SourceFile file, long rows) => _state.Current = new FilePosition(file.Name, file.Fingerprint, rows);

    /// <summary>Records that <paramref name="file"/> is read to its end.</summary>
    public void FileDone(SourceFile file)
    {
        _state.Current = null;
        _state.Completed[file.Name] = file.Fingerprint;
    }

    /// <summary>Ends the pass over <paramref name="files"/>: the state becomes the starting point of the next run.</summary>
    public void PassDone(IReadOnlyList<SourceFile> files)
    {
        if (mode == ReadMode.ModifiedTime)
        {
            // Files that are gone are forgotten, so the state does not grow forever in a rotating drop folder.
            _state.Files.Clear();
            foreach (var file in files)
            {
                _state.Files[file.Name] = _state.Completed.GetValueOrDefault(file.Name, file.Fingerprint);
            }
        }

        if (mode == ReadMode.CursorField)
        {
            _state.Cursor = CursorValues.Max(_state.Cursor, _state.MaxCursor);
            _state.MaxCursor = null;
        }

        _state.Completed.Clear();
        _state.Current = null;
    }

    /// <summary>The state as it stands, as JSON.</summary>
    public JsonObject ToJson() => FileStreamStateJson.Write(_state);
}
