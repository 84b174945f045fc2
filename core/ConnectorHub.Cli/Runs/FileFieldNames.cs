using System.Text;

namespace ConnectorHub.Cli.Runs;

/// <summary>Translates the engine's field names (the API's camelCase) into the sync file's snake_case fields.</summary>
internal static class FileFieldNames
{
    /// <summary><c>streams[0].syncMode</c> becomes <c>streams[0].sync_mode</c>; connection ids become <c>source</c> and <c>destination</c>.</summary>
    public static string OfSyncField(string engineField) => engineField switch
    {
        "sourceConnectionId" => "source",
        "destinationConnectionId" => "destination",
        "destinationSettings" => "destination.settings",
        _ => SnakeCase(engineField),
    };

    private static string SnakeCase(string field)
    {
        var result = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                result.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
