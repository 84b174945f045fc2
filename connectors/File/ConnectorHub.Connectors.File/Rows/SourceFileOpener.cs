using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>Opens a stream's file for sequential reading, turning access problems into configuration errors.</summary>
internal static class SourceFileOpener
{
    /// <summary>The file opened for reading, shared with writers (exports may still be open elsewhere).</summary>
    public static FileStream Open(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return new FileStream(file.FullPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
                BufferSize = FileLimits.BufferSize,
            });
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ConfigurationException(
                $"The file '{file.FullPath}' cannot be opened ({ex.Message}). Give the hub's process read access to it.",
                innerException: ex);
        }
    }
}
