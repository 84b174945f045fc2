using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Host.Dashboard.Runs;

namespace ConnectorHub.Host.Dashboard;

/// <summary>The landing page: counts and the latest runs.</summary>
public sealed class IndexModel(PluginCatalog catalog, ConnectionService connections, SyncService syncs, RunService runs) : DashboardPage
{
    public int Plugins { get; private set; }

    public int Refused { get; private set; }

    public int Connections { get; private set; }

    public int Syncs { get; private set; }

    public IReadOnlyList<RunRow> RecentRuns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plugins = catalog.Plugins.Count;
        Refused = catalog.Refusals.Count;
        Connections = (await connections.ListAsync(cancellationToken)).Count;
        var allSyncs = await syncs.ListAsync(cancellationToken);
        Syncs = allSyncs.Count;
        RecentRuns = RunRow.Of(await runs.ListAsync(new RunQuery { Limit = 8 }, cancellationToken), allSyncs);
    }
}
