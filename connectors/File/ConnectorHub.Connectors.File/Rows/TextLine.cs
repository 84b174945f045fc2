namespace ConnectorHub.Connectors.File.Rows;

/// <summary>One line of a text file.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line without its line break; for a line that is too long, only its start.</param>
/// <param name="TooLong">Whether the line was longer than the reader's limit (and <paramref name="Text"/> is cut).</param>
internal sealed record TextLine(long Number, string Text, bool TooLong);
