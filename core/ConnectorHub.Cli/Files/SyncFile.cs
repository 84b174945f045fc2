using System.Text.Json.Nodes;
using ConnectorHub.Core.Syncs;

namespace ConnectorHub.Cli.Files;

/// <summary>A sync as a sync file describes it (see docs/cli.md for the format).</summary>
/// <param name="Document">The parsed file, for locating problems.</param>
/// <param name="Name">The sync's name: the key under which it (and its connections) live in the state store.</param>
/// <param name="Source">The source connection.</param>
/// <param name="Destination">The destination connection; null writes into the hub's profile store.</param>
/// <param name="DestinationSettings">Per-sync settings handed to the destination (audience id, list id, ...).</param>
/// <param name="Streams">The streams to move.</param>
internal sealed record SyncFile(
    SourceDocument Document,
    string Name,
    FileConnection Source,
    FileConnection? Destination,
    JsonObject DestinationSettings,
    IReadOnlyList<SyncStream> Streams)
{
    /// <summary>The connections the file describes: the source, then the destination if any.</summary>
    public IReadOnlyList<FileConnection> Connections => Destination is null ? [Source] : [Source, Destination];
}
