using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Rows;
using CsvHelper;

namespace ConnectorHub.Connectors.File.Schema;

/// <summary>The header and first rows of a CSV file, for schema and type inference.</summary>
/// <param name="Header">The column names (trimmed); empty for an empty file.</param>
/// <param name="Rows">Up to <see cref="Size"/> good rows, every value as text.</param>
internal sealed record CsvSample(IReadOnlyList<string> Header, IReadOnlyList<JsonObject> Rows)
{
    /// <summary>How many rows inference looks at.</summary>
    public const int Size = 100;

    /// <summary>The header row of <paramref name="file"/> (trimmed names; empty when the file is empty).</summary>
    public static async Task<IReadOnlyList<string>> ReadHeaderAsync(SourceFile file, char delimiter, CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(SourceFileOpener.Open(file), CsvReaderOptionsFactory.Create(delimiter, onMalformed: null));
        await csv.ReadHeaderAsync(cancellationToken);
        return CsvHeader.Names(csv.Headers);
    }

    /// <summary>Reads the sample of <paramref name="file"/>.</summary>
    public static async Task<CsvSample> ReadAsync(SourceFile file, char delimiter, CancellationToken cancellationToken)
    {
        var header = await ReadHeaderAsync(file, delimiter, cancellationToken);
        var rows = new List<JsonObject>(Size);
        await foreach (var row in new CsvRowReader(delimiter, CsvColumnTypes.AllText).ReadAsync(file, 0, cancellationToken))
        {
            if (row is DataRow data)
            {
                rows.Add(data.Data);
            }

            if (rows.Count == Size)
            {
                break;
            }
        }

        return new CsvSample(header, rows);
    }
}
