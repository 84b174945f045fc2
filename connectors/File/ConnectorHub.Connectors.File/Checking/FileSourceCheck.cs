using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Rows;
using ConnectorHub.Connectors.File.Schema;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.Checking;

/// <summary>
/// Checks a configuration: every stream's path exists, its files can be opened, every CSV file has a usable header
/// row naming the configured cursor and key columns, and every JSON Lines file starts with a JSON object.
/// </summary>
internal static class FileSourceCheck
{
    /// <summary>The result of the check, with a message an admin can act on.</summary>
    public static async Task<CheckResult> RunAsync(ConnectorConfig config, CancellationToken cancellationToken)
    {
        try
        {
            var settings = FileSourceSettingsReader.Read(config);
            var notes = new List<string>();
            foreach (var stream in settings.Streams)
            {
                var files = SourceFileLister.List(stream);
                foreach (var file in files)
                {
                    if (await ProblemAsync(stream, file, cancellationToken) is { } problem)
                    {
                        return CheckResult.Failure($"Stream '{stream.Name}': {file.FullPath}: {problem}");
                    }
                }

                notes.Add(files.Count == 0
                    ? $"'{stream.Name}': no file matches {stream.Pattern} in {stream.Path} yet"
                    : $"'{stream.Name}': {files.Count} file(s)");
            }

            return CheckResult.Success(string.Join("; ", notes) + ".");
        }
        catch (ConfigurationException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }

    private static async Task<string?> ProblemAsync(FileStreamSettings stream, SourceFile file, CancellationToken cancellationToken)
    {
        if (stream.Format == FileFormat.JsonLines)
        {
            await foreach (var row in new JsonLinesRowReader().ReadAsync(file, 0, cancellationToken))
            {
                return row is RejectedRow rejected ? $"line {rejected.Line}: {rejected.Reason}." : null;
            }

            return null;
        }

        var header = await CsvSample.ReadHeaderAsync(file, stream.Delimiter, cancellationToken);
        if (header.Count == 0)
        {
            return "the file is empty; a CSV file needs a header row naming its columns.";
        }

        if (CsvHeader.Problem(header) is { } problem)
        {
            return $"{problem}.";
        }

        var missing = stream.PrimaryKey.Append(stream.CursorField).OfType<string>().Where(column => !header.Contains(column)).ToArray();
        return missing.Length == 0
            ? null
            : $"the header row has no column {string.Join(", ", missing.Select(c => $"'{c}'"))} (set in {stream.SettingPath}); its columns are {string.Join(", ", header)}.";
    }
}
