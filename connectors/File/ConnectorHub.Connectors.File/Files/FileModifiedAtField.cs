using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.File.Files;

/// <summary>
/// The field an incremental read by modification time adds to each record: the modification time (UTC) of the file
/// the record came from. It is the cursor of such a stream, so the hub has a cursor to track and a record says
/// which version of its file it was read from.
/// </summary>
internal static class FileModifiedAtField
{
    /// <summary>The field's name; the leading underscore keeps it apart from a file's own columns.</summary>
    public const string Name = "_file_modified_at";

    /// <summary>The field's value for records of <paramref name="file"/>: ISO 8601 in UTC, to the tick.</summary>
    public static string ValueOf(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Fingerprint.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The field's JSON Schema.</summary>
    public static JsonObject Schema() => new()
    {
        ["type"] = "string",
        ["format"] = "date-time",
        ["description"] = "Incremental reads by modification time only: when the record's file was last modified (UTC).",
    };
}
