using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Core.Connections;

/// <summary>A connection as the API shows it: secrets masked, never returned.</summary>
public sealed record ConnectionView(
    Guid Id,
    string Name,
    string PluginId,
    PluginKind Kind,
    JsonObject Config,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastCheckAt,
    bool? LastCheckSucceeded,
    string? LastCheckMessage);
