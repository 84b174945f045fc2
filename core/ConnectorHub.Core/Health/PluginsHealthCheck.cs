using ConnectorHub.Core.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectorHub.Core.Health;

/// <summary>Degraded when some plugin folder was refused (the hub runs, but a connector is missing).</summary>
internal sealed class PluginsHealthCheck(PluginCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Refusals.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.Plugins.Count} plugin(s) loaded.")
            : HealthCheckResult.Degraded($"{catalog.Plugins.Count} plugin(s) loaded, {catalog.Refusals.Count} refused: {string.Join(" | ", catalog.Refusals.Select(r => r.Reason))}"));
}
