using System.CommandLine;
using ConnectorHub.Cli.Hosting;
using ConnectorHub.Cli.Output;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>What every command gets: the global options' values and where to write.</summary>
internal sealed record CliContext(CliOutput Output, string? PluginsDirOption, bool Verbose, string WorkingDirectory)
{
    public static CliContext From(ParseResult parseResult, GlobalOptions globals) => new(
        CliOutput.ForProcess(parseResult.GetValue(globals.Json)),
        parseResult.GetValue(globals.PluginsDir),
        parseResult.GetValue(globals.Verbose),
        Directory.GetCurrentDirectory());

    /// <summary>The plugins folder (see <see cref="PluginsDirectory.Resolve"/>).</summary>
    public string ResolvePluginsDirectory() => PluginsDirectory.Resolve(PluginsDirOption, AppContext.BaseDirectory, WorkingDirectory);
}
