using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Connections;

/// <summary>What a client sends to create or change a connection.</summary>
/// <param name="Name">Unique display name.</param>
/// <param name="PluginId">The connector plugin (ignored on update: a connection keeps its plugin).</param>
/// <param name="Config">Settings as the plugin's spec describes them; secrets sent as the mask keep their stored value.</param>
public sealed record ConnectionRequest(string Name, string PluginId, JsonObject Config);
