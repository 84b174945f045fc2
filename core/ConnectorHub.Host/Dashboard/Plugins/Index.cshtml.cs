using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Host.Dashboard.Plugins;

/// <summary>Installed connectors and refused plugin folders.</summary>
public sealed class IndexModel(PluginCatalog catalog) : DashboardPage
{
    public IReadOnlyList<LoadedPlugin> Plugins => catalog.Plugins;

    public IReadOnlyList<PluginRefusal> Refusals => catalog.Refusals;

    public void OnGet()
    {
    }
}
