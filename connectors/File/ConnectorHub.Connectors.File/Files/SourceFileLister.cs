using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.Files;

/// <summary>Finds the files of a stream: the configured file, or the folder's files matching the pattern in name order.</summary>
internal static class SourceFileLister
{
    private static readonly EnumerationOptions Matching = new()
    {
        MatchType = MatchType.Simple,
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>The stream's files, ordered by name (ordinal); throws a configuration error when the path does not exist.</summary>
    public static IReadOnlyList<SourceFile> List(FileStreamSettings stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (System.IO.File.Exists(stream.Path))
        {
            var file = new FileInfo(stream.Path);
            return [new SourceFile(file.FullName, file.Name, FileFingerprint.Of(file))];
        }

        if (!Directory.Exists(stream.Path))
        {
            throw new ConfigurationException(
                $"Stream '{stream.Name}': the path '{stream.Path}' ({stream.SettingPath}.path) does not exist, or the hub's process may not see it. Check the path and the folder's permissions.");
        }

        try
        {
            return new DirectoryInfo(stream.Path)
                .EnumerateFiles(stream.Pattern, Matching)
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new SourceFile(f.FullName, f.Name, FileFingerprint.Of(f)))
                .ToArray();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ConfigurationException(
                $"Stream '{stream.Name}': the folder '{stream.Path}' cannot be listed ({ex.Message}). Give the hub's process read access to it.",
                innerException: ex);
        }
    }
}
