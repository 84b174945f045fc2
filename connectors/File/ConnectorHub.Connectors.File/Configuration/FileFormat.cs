namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>How a stream's files are laid out.</summary>
internal enum FileFormat
{
    /// <summary>Comma-separated values (RFC 4180) with a header row.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
}
