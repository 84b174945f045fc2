using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Host.Dashboard.Connections;

/// <summary>The list of connections.</summary>
public sealed class IndexModel(ConnectionService connections, PluginCatalog catalog) : DashboardPage
{
    public IReadOnlyList<ConnectionView> Connections { get; private set; } = [];

    public string PluginName(string id) => catalog.Find(id)?.Manifest.Name ?? $"{id} (not installed)";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Connections = await connections.ListAsync(cancellationToken);
}
