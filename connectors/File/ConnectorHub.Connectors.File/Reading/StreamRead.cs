using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
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
    private readonly StreamProgress _progress = new(stream, mode);
    private int _sinceCheckpoint;

    /// <summary>Reads the stream from <paramref name="savedState"/> (null: from the start).</summary>
    public async IAsyncEnumerable<SourceMessage> RunAsync(JsonNode? savedState, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_progress.Restore(savedState) is { } restartNotice)
        {
            yield return new LogMessage(LogLevel.Warning, restartNotice);
        }

        var files = SourceFileLister.List(stream);
        var rows = await RowReaderAsync(files, cancellationToken);
        foreach (var file in files)
        {
            if (_progress.IsDone(file))
            {
                continue;
            }

            var (skip, resumeNotice) = _progress.ResumePoint(file);
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
                    _progress.InFile(file, read);
                    yield return Checkpoint();
                }
            }

            _progress.FileDone(file);
            yield return Checkpoint();
        }

        _progress.PassDone(files);
        yield return Checkpoint();
    }

    private async Task<IRowReader> RowReaderAsync(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken) =>
        stream.Format == FileFormat.JsonLines
            ? new JsonLinesRowReader()
            : new CsvRowReader(stream.Delimiter, await StreamSchemaInference.ColumnTypesAsync(stream, files.Count > 0 ? files[0] : null, cancellationToken));

    private SourceMessage? Translate(FileRow row, SourceFile file) => row switch
    {
        DataRow data when _progress.Admits(data.Data) => new RecordMessage(stream.Name, WithCursor(data.Data, file)),
        DataRow => null,
        RejectedRow rejected => new RecordRejectedMessage(stream.Name, rejected.Reason, file.Location(rejected.Line), rejected.Raw),
        FileNotice notice => new LogMessage(LogLevel.Warning, $"Stream '{stream.Name}': {notice.Message}"),
        _ => null,
    };

    /// <summary>Reads by modification time give each record its file's modification time, the stream's cursor.</summary>
    private JsonObject WithCursor(JsonObject record, SourceFile file)
    {
        if (mode == ReadMode.ModifiedTime)
        {
            record[FileModifiedAtField.Name] = FileModifiedAtField.ValueOf(file);
        }

        return record;
    }

    private StateMessage Checkpoint()
    {
        _sinceCheckpoint = 0;
        return new StateMessage(stream.Name, _progress.ToJson());
    }
}
