using ConnectorHub.Cli.Files;
using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Cli.Connections;

/// <summary>A connection from a file with the installed plugin it names, its config valid against the plugin's spec.</summary>
internal sealed record ResolvedConnection(FileConnection Connection, LoadedPlugin Plugin);
