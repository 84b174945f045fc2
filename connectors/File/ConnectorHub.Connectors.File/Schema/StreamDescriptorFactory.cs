using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Schema;

/// <summary>Describes a configured stream: its schema from its first file, its key and cursor from the configuration.</summary>
internal static class StreamDescriptorFactory
{
    /// <summary>The descriptor of <paramref name="stream"/>; throws a configuration error when it has no file to infer from.</summary>
    public static async Task<StreamDescriptor> DescribeAsync(FileStreamSettings stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var files = SourceFileLister.List(stream);
        if (files.Count == 0)
        {
            throw new ConfigurationException(
                $"Stream '{stream.Name}': no file matches '{stream.Pattern}' in '{stream.Path}', so its columns cannot be discovered. " +
                $"Put at least one file there, or correct {stream.SettingPath}.pattern.");
        }

        return new StreamDescriptor
        {
            Name = stream.Name,
            JsonSchema = await StreamSchemaInference.InferAsync(stream, files[0], cancellationToken),
            SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
            // The configuration fixes the cursor (a column, or the files' modification time); a sync cannot pick another.
            SourceDefinedCursor = true,
            DefaultCursorField = [stream.IncrementalCursor],
            PrimaryKey = stream.PrimaryKey.Select(column => (IReadOnlyList<string>)[column]).ToArray(),
            ResumableFullRefresh = true,
            Description = Describe(stream, files.Count),
        };
    }

    private static string Describe(FileStreamSettings stream, int fileCount)
    {
        var format = stream.Format == FileFormat.Csv ? "CSV" : "JSON Lines";
        var where = fileCount == 1 && System.IO.File.Exists(stream.Path) ? stream.Path : $"{stream.Pattern} in {stream.Path}";
        var incremental = stream.IncrementalBy == IncrementalBy.CursorField
            ? $"rows with '{stream.CursorField}' at or past the last run's greatest value"
            : "files changed since the last run";
        return $"{format} rows from {where}; incremental reads take {incremental}.";
    }
}
