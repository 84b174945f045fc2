using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Rows;
using ConnectorHub.Connectors.File.Schema;
using ConnectorHub.Connectors.File.State;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.File.Reading;

/// <summary>
/// One read (a pass) of one stream: its files in name order, row by row, with a checkpoint every
/// <c>checkpointEvery</c> rows and at the end of every file, resuming a pass a saved state left under way.
/// </summary>
internal sealed class StreamRead(FileStreamSettings stream, ReadMode mode, int checkpointEvery)
{
    private FileStreamState _state = FileStreamState.Initial(mode, stream.CursorField);
    private int _sinceCheckpoint;

    /// <summary>Reads the stream from <paramref name="savedState"/> (null: from the start).</summary>
    public async IAsyncEnumerable<SourceMessage> RunAsync(System.Text.Json.Nodes.JsonNode? savedState, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Restore(savedState) is { } restartNotice)
        {
            yield return new LogMessage(LogLevel.Warning, restartNotice);
        }

        var files = SourceFileLister.List(stream);
        var rows = await RowReaderAsync(files, cancellationToken);
        foreach (var file in files)
        {
            if (IsDone(file))
            {
                continue;
            }

            var (skip, resumeNotice) = ResumePoint(file);
            if (resumeNotice is not null)
            {
                yield return new LogMessage(LogLevel.Warning, resumeNotice);
            }

            var read = skip;
            await foreach (var row in rows.ReadAsync(file, skip, cancellationToken))
            {
                if (Translate(row, file) is { } message)
                {
                    yield return message;
                }

                if (row is FileNotice)
                {
                    continue;
                }

                read++;
                if (++_sinceCheckpoint >= checkpointEvery)
                {
                    _state.Current = new FilePosition(file.Name, file.Fingerprint, read);
                    yield return Checkpoint();
                }
            }

            _state.Current = null;
            _state.Completed[file.Name] = file.Fingerprint;
            yield return Checkpoint();
        }

        FinishPass(files);
        yield return Checkpoint();
    }

    private string? Restore(System.Text.Json.Nodes.JsonNode? savedState)
    {
        var saved = FileStreamStateJson.Read(savedState, stream.Name);
        if (saved is null)
        {
            return null;
        }

        if (saved.Mode != mode || (mode == ReadMode.CursorField && saved.CursorField != stream.CursorField))
        {
            return $"Stream '{stream.Name}': the saved state was written for another read mode or cursor column " +
                $"({FileStreamStateJson.ModeName(saved.Mode)}{(saved.CursorField is null ? string.Empty : $" on '{saved.CursorField}'")}), so the stream is read from the start.";
        }

        _state = saved;
        return null;
    }

    private async Task<IRowReader> RowReaderAsync(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken) =>
        stream.Format == FileFormat.JsonLines
            ? new JsonLinesRowReader()
            : new CsvRowReader(stream.Delimiter, await StreamSchemaInference.ColumnTypesAsync(stream, files.Count > 0 ? files[0] : null, cancellationToken));

    private bool IsDone(SourceFile file)
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

    private (long Skip, string? Notice) ResumePoint(SourceFile file)
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

    private SourceMessage? Translate(FileRow row, SourceFile file) => row switch
    {
        DataRow data when Admits(data) => new RecordMessage(stream.Name, data.Data),
        DataRow => null,
        RejectedRow rejected => new RecordRejectedMessage(stream.Name, rejected.Reason, file.Location(rejected.Line), rejected.Raw),
        FileNotice notice => new LogMessage(LogLevel.Warning, $"Stream '{stream.Name}': {notice.Message}"),
        _ => null,
    };

    /// <summary>
    /// The cursor rule: a row is read when its cursor is at or past the pass's starting cursor (so rows equal to
    /// the last run's greatest value are read again), and always when it has no cursor value.
    /// </summary>
    private bool Admits(DataRow row)
    {
        if (mode != ReadMode.CursorField || CursorValues.Of(row.Data, stream.CursorField!) is not { } value)
        {
            return true;
        }

        _state.MaxCursor = CursorValues.Max(_state.MaxCursor, value);
        return _state.Cursor is null || CursorValues.Compare(value, _state.Cursor) >= 0;
    }

    private void FinishPass(IReadOnlyList<SourceFile> files)
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

    private StateMessage Checkpoint()
    {
        _sinceCheckpoint = 0;
        return new StateMessage(stream.Name, FileStreamStateJson.Write(_state));
    }
}
