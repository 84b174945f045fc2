using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Schema;
using CsvHelper;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>
/// Reads a CSV file row by row with CsvHelper: quoted fields with separators, quotes and line breaks, a UTF-8
/// byte order mark, CRLF or LF. Each good row becomes a record keyed by the file's own header; each malformed row
/// becomes a <see cref="RejectedRow"/> with its line, the reason and its raw text.
/// </summary>
internal sealed class CsvRowReader(char delimiter, CsvColumnTypes types) : IRowReader
{
    /// <inheritdoc />
    public async IAsyncEnumerable<FileRow> ReadAsync(SourceFile file, long skipRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var malformed = new Queue<CsvMalformedRecord>();
        await using var csv = CsvReader.Create(SourceFileOpener.Open(file), CsvReaderOptionsFactory.Create(delimiter, malformed.Enqueue));
        await csv.ReadHeaderAsync(cancellationToken);
        var header = CsvHeader.Names(csv.Headers);
        if (header.Length == 0)
        {
            yield return new FileNotice($"{file.Name} is empty: it has no header row, so there is nothing to read.");
            yield break;
        }

        if (CsvHeader.Problem(header) is { } headerProblem)
        {
            yield return new RejectedRow(1, $"{headerProblem}; the file was not read", string.Join(delimiter, csv.Headers));
            yield break;
        }

        long rows = 0;
        while (true)
        {
            var (more, failure) = await TryReadAsync(csv, cancellationToken);
            while (malformed.TryDequeue(out var bad))
            {
                if (++rows > skipRows)
                {
                    yield return new RejectedRow(bad.LineNumber, CsvReaderOptionsFactory.Describe(bad.Reason, header.Length), bad.RawRecord.TrimEnd('\r', '\n'));
                }
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            if (++rows > skipRows)
            {
                yield return ToRow(csv, header);
            }
        }
    }

    private static async Task<(bool More, RejectedRow? Failure)> TryReadAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            return (await csv.ReadAsync(cancellationToken), null);
        }
        catch (CsvFormatException ex)
        {
            // Only an oversized row gets here (malformed rows are skipped): the reader cannot go on in this file.
            return (false, new RejectedRow(
                ex.LineNumber,
                $"a row is longer than {FileLimits.MaxRowSize / (1024 * 1024)} MiB, most likely because a quote is never closed; the rest of the file was not read",
                string.Empty));
        }
    }

    private FileRow ToRow(CsvReader csv, string[] header)
    {
        var data = new JsonObject();
        for (var i = 0; i < header.Length; i++)
        {
            if (!types.TryConvert(header[i], csv.GetString(i), out var value, out var problem))
            {
                return new RejectedRow(csv.LineNumber, problem!, Encoding.UTF8.GetString(csv.RawRecord));
            }

            data[header[i]] = value;
        }

        return new DataRow(csv.LineNumber, data);
    }
}
