using ConnectorHub.Connectors.File.Files;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>Reads the rows of one file in order, one at a time.</summary>
internal interface IRowReader
{
    /// <summary>
    /// The rows of <paramref name="file"/> after the first <paramref name="skipRows"/> rows. Good and rejected rows
    /// both count as rows (so a resumed read skips exactly what an earlier one yielded); notices do not.
    /// </summary>
    IAsyncEnumerable<FileRow> ReadAsync(SourceFile file, long skipRows, CancellationToken cancellationToken);
}
