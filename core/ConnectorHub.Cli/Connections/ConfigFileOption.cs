using System.CommandLine;
using ConnectorHub.Cli.Files;

namespace ConnectorHub.Cli.Connections;

/// <summary>The <c>--config FILE</c> option and loading the file it names.</summary>
internal static class ConfigFileOption
{
    public static Option<string> Create(string description) => new("--config", "-c")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };

    public static SourceDocument Load(string path) => SourceDocument.Load(path, Environment.GetEnvironmentVariable);
}
