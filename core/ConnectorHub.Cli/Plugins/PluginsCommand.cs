using System.CommandLine;
using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Hosting;
using Spectre.Console;

namespace ConnectorHub.Cli.Plugins;

/// <summary><c>connectorhub plugins list</c>: the installed plugins and the refused plugin folders.</summary>
internal static class PluginsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var list = new Command("list", "List the installed plugins (id, kind, version, name) and the plugin folders that were refused, with the reason.");
        list.SetHandler(globals, (_, context, _) => ListAsync(context));
        return new Command("plugins", "Inspect the connector plugins installed in the plugins folder.") { list };
    }

    private static async Task<int> ListAsync(CliContext context)
    {
        await using var session = HubSession.Open(context);
        var catalog = session.Plugins;
        var output = context.Output;
        if (output.Json)
        {
            output.WriteJson(new
            {
                PluginsDirectory = session.PluginsDirectory,
                Plugins = catalog.Plugins.Select(p => new { p.Id, p.Manifest.Kind, p.Manifest.Version, p.Manifest.Name, p.Manifest.Description, p.Directory }),
                Refused = catalog.Refusals.Select(r => new { r.Directory, r.PluginId, r.Reason }),
            });
            return ExitCodes.Success;
        }

        output.Console.MarkupLine($"Plugins in [bold]{Markup.Escape(session.PluginsDirectory)}[/]");
        if (catalog.Plugins.Count == 0)
        {
            output.WriteLine("No plugins are installed.");
        }
        else
        {
            var table = new Table().AddColumns("Id", "Kind", "Version", "Name");
            foreach (var plugin in catalog.Plugins)
            {
                table.AddRow(Markup.Escape(plugin.Id), plugin.Manifest.Kind.ToString().ToLowerInvariant(), Markup.Escape(plugin.Manifest.Version), Markup.Escape(plugin.Manifest.Name));
            }

            output.Console.Write(table);
        }

        if (catalog.Refusals.Count > 0)
        {
            output.Console.MarkupLine($"[red]Refused plugin folders ({catalog.Refusals.Count}):[/]");
            var refused = new Table().AddColumns("Folder", "Reason");
            foreach (var refusal in catalog.Refusals)
            {
                refused.AddRow(Markup.Escape(Path.GetFileName(refusal.Directory)), Markup.Escape(refusal.Reason));
            }

            output.Console.Write(refused);
        }

        return ExitCodes.Success;
    }
}
