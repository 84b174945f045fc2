using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Files;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>
/// Reads a JSON Lines file: one JSON object per line (UTF-8, byte order mark allowed, LF or CRLF). Blank lines
/// are passed over; a line that is not valid JSON, or is JSON but not an object, becomes a <see cref="RejectedRow"/>.
/// </summary>
internal sealed class JsonLinesRowReader : IRowReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <inheritdoc />
    public async IAsyncEnumerable<FileRow> ReadAsync(SourceFile file, long skipRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var text = new StreamReader(SourceFileOpener.Open(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, FileLimits.BufferSize);
        var lines = new BoundedLineReader(text, FileLimits.MaxRowSize, FileLimits.RawPreviewLength);
        long rows = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.TooLong && string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            if (++rows > skipRows)
            {
                yield return ToRow(line);
            }
        }
    }

    /// <summary>The row a line holds: a record, or the reason it cannot be one.</summary>
    public static FileRow ToRow(TextLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.TooLong)
        {
            return new RejectedRow(line.Number, $"the line is longer than {FileLimits.MaxRowSize / (1024 * 1024)} Mi characters; each line must hold one JSON object", line.Text);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line.Text, documentOptions: ParseOptions);
            if (node is JsonObject record)
            {
                _ = record.Count; // materializes the properties now, so a duplicate name is rejected here rather than later.
                return new DataRow(line.Number, record);
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return new RejectedRow(line.Number, $"the line is not valid JSON ({ex.Message})", line.Text);
        }

        var kind = node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";
        return new RejectedRow(line.Number, $"the line is a JSON {kind}, not an object; each line must hold one JSON object such as {{\"id\": 1}}", line.Text);
    }
}
