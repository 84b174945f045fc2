using System.Text.Json.Nodes;

namespace ConnectorHub.Cli.Files;

/// <summary>Reads a <c>{plugin, config}</c> block: a connection file's root, or a sync file's source or destination.</summary>
internal static class ConnectionReader
{
    public static FileConnection? Read(FieldReader fields, JsonNode? node, string field, string role, bool required, bool settingsAllowed)
    {
        if (fields.Object(node, field.Length == 0 ? string.Empty : field, required) is not { } obj)
        {
            return null;
        }

        var prefix = field.Length == 0 ? string.Empty : field + ".";
        fields.OnlyKnownKeys(obj, field, settingsAllowed ? ["plugin", "config", "settings"] : ["plugin", "config"]);
        var plugin = fields.String(obj, "plugin", prefix + "plugin", required: true);
        var config = fields.Object(obj["config"], prefix + "config", required: false);
        return plugin is null ? null : new FileConnection(role, plugin, (JsonObject?)config?.DeepClone() ?? [], field);
    }

    /// <summary>
    /// The connections a file for <c>check</c> or <c>discover</c> describes: a connection file (<c>plugin</c> and
    /// <c>config</c>) holds one; a sync file holds its source and, unless it has none, its destination.
    /// </summary>
    public static IReadOnlyList<FileConnection> ReadAll(SourceDocument document)
    {
        if (document.Root is JsonObject root && root.ContainsKey("source"))
        {
            return SyncFileReader.Read(document).Connections;
        }

        var fields = new FieldReader(document);
        var connection = Read(fields, document.Root, string.Empty, "connection", required: true, settingsAllowed: false);
        fields.ThrowIfAny();
        return [connection!];
    }
}
