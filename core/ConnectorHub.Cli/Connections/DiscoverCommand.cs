using System.CommandLine;
using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Hosting;
using ConnectorHub.Core.Connections;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Spectre.Console;

namespace ConnectorHub.Cli.Connections;

/// <summary><c>connectorhub discover --config FILE</c>: the streams a source offers.</summary>
internal static class DiscoverCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var config = ConfigFileOption.Create("A source connection file (plugin: and config:) or a sync file (its source is used). YAML or JSON.");
        var command = new Command("discover", "List the streams a source offers: name, sync modes, primary key and cursor field.") { config };
        command.SetHandler(globals, (parseResult, context, cancellationToken) => DiscoverAsync(context, parseResult.GetRequiredValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> DiscoverAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        var document = ConfigFileOption.Load(file);
        var source = Files.ConnectionReader.ReadAll(document)[0];
        await using var session = HubSession.Open(context);
        var resolved = ConnectionResolver.Resolve(document, [source], session.Plugins, session.PluginsDirectory)[0];
        if (resolved.Plugin.Manifest.Kind != Core.Plugins.PluginKind.Source)
        {
            throw CliException.Usage($"The plugin '{resolved.Plugin.Id}' is a destination; only sources have streams to discover.");
        }

        IReadOnlyList<StreamDescriptor> streams;
        try
        {
            var connectorContext = session.Get<ConnectorContextFactory>().ForConfig(resolved.Plugin, source.Config);
            streams = await resolved.Plugin.Source.DiscoverAsync(connectorContext, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            throw new CliException(ExitCodeOf.Category(ex.Category), $"Discovery failed ({ex.Category}): {ex.Message}", ex);
        }

        Write(context, resolved.Plugin.Id, streams);
        return ExitCodes.Success;
    }

    private static void Write(CliContext context, string plugin, IReadOnlyList<StreamDescriptor> streams)
    {
        var output = context.Output;
        if (output.Json)
        {
            output.WriteJson(new
            {
                Plugin = plugin,
                Streams = streams.Select(s => new { s.Name, s.SupportedSyncModes, s.SourceDefinedCursor, s.DefaultCursorField, s.PrimaryKey, s.ResumableFullRefresh, s.Description, s.JsonSchema }),
            });
            return;
        }

        var table = new Table().AddColumns("Stream", "Sync modes", "Primary key", "Cursor");
        foreach (var stream in streams)
        {
            var cursor = stream.DefaultCursorField.Count == 0 ? "-" : string.Join('.', stream.DefaultCursorField) + (stream.SourceDefinedCursor ? " (source-defined)" : string.Empty);
            var key = stream.PrimaryKey.Count == 0 ? "-" : string.Join(", ", stream.PrimaryKey.Select(path => string.Join('.', path)));
            var modes = string.Join(", ", stream.SupportedSyncModes.Select(m => m == SyncMode.FullRefresh ? "full_refresh" : "incremental"));
            table.AddRow(Markup.Escape(stream.Name), modes, Markup.Escape(key), Markup.Escape(cursor));
        }

        output.Console.MarkupLine($"Streams of [bold]{Markup.Escape(plugin)}[/] ({streams.Count}):");
        output.Console.Write(table);
    }
}
