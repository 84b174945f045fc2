using ConnectorHub.Cli.Files;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Schemas;

namespace ConnectorHub.Cli.Connections;

/// <summary>
/// Finds the plugin each connection of a file names and validates the connection's config against the plugin's
/// spec, reporting every problem at its field and line.
/// </summary>
internal static class ConnectionResolver
{
    public static IReadOnlyList<ResolvedConnection> Resolve(SourceDocument document, IReadOnlyList<FileConnection> connections, PluginCatalog catalog, string pluginsDirectory)
    {
        var fields = new FieldReader(document);
        var resolved = new List<ResolvedConnection>();
        foreach (var connection in connections)
        {
            var plugin = catalog.Find(connection.PluginId);
            if (plugin is null)
            {
                fields.Add(connection.PluginField, NotInstalled(connection.PluginId, catalog, pluginsDirectory));
                continue;
            }

            var expected = connection.Role switch
            {
                "source" => PluginKind.Source,
                "destination" => PluginKind.Destination,
                _ => plugin.Manifest.Kind,
            };
            if (plugin.Manifest.Kind != expected)
            {
                fields.Add(connection.PluginField, $"'{plugin.Id}' is a {Kind(plugin.Manifest.Kind)} plugin; the {connection.Role} needs a {Kind(expected)} plugin.");
                continue;
            }

            foreach (var violation in JsonSchemaValidator.FromJson(plugin.Spec.ConfigSchema).Validate(connection.Config))
            {
                fields.Add(connection.ConfigField(violation.Path), $"{violation.Message} (checked against the config spec of the plugin '{plugin.Id}').");
            }

            resolved.Add(new ResolvedConnection(connection, plugin));
        }

        fields.ThrowIfAny();
        return resolved;
    }

    private static string NotInstalled(string id, PluginCatalog catalog, string pluginsDirectory)
    {
        var refusal = catalog.Refusals.FirstOrDefault(r => r.PluginId == id);
        if (refusal is not null)
        {
            return $"the plugin '{id}' was refused: {refusal.Reason}";
        }

        var installed = catalog.Plugins.Count == 0 ? "none" : string.Join(", ", catalog.Plugins.Select(p => p.Id));
        return $"no plugin '{id}' is installed in {pluginsDirectory} (installed: {installed}). Check the id, or pass --plugins-dir.";
    }

    private static string Kind(PluginKind kind) => kind.ToString().ToLowerInvariant();
}
