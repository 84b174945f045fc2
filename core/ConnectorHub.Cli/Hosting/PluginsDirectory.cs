using ConnectorHub.Cli.CommandLine;

namespace ConnectorHub.Cli.Hosting;

/// <summary>Finds the folder of installed plugins.</summary>
internal static class PluginsDirectory
{
    /// <summary>
    /// <paramref name="given"/> (relative to the working folder) when set; otherwise the <c>plugins</c> folder next to
    /// the executable; otherwise <c>artifacts/plugins</c> of the repository that holds the working folder.
    /// </summary>
    public static string Resolve(string? given, string executableDirectory, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var path = Path.GetFullPath(given, workingDirectory);
            return Directory.Exists(path)
                ? path
                : throw CliException.Usage($"The plugins directory '{path}' (from --plugins-dir) does not exist. Point --plugins-dir at the folder that holds one subfolder per plugin.");
        }

        var besideExecutable = Path.Combine(executableDirectory, "plugins");
        if (Directory.Exists(besideExecutable))
        {
            return besideExecutable;
        }

        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var artifacts = Path.Combine(dir.FullName, "artifacts", "plugins");
            if (File.Exists(Path.Combine(dir.FullName, "ConnectorHub.sln")) && Directory.Exists(artifacts))
            {
                return artifacts;
            }
        }

        throw CliException.Usage(
            $"No plugins directory found: there is no 'plugins' folder next to connectorhub ({executableDirectory}) and no artifacts/plugins " +
            "in a ConnectorHub repository above the working folder. Pass --plugins-dir DIR.");
    }
}
