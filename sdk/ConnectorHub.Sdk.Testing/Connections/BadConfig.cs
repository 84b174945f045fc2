using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Testing.Connections;

/// <summary>A configuration that must fail the connection check.</summary>
/// <param name="Description">What is wrong with it (for failure messages), such as "revoked token".</param>
/// <param name="Config">The configuration.</param>
/// <param name="MessageContains">Text the check's failure message must contain (case-insensitive), when given.</param>
public sealed record BadConfig(string Description, JsonObject Config, string? MessageContains = null);
