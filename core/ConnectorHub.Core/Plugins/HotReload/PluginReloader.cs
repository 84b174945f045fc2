using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Plugins.HotReload;

/// <summary>
/// Looks at the plugins directory again and switches the <see cref="PluginCatalog"/> to what it holds now: new
/// plugins and new versions serve from the next lookup on, versions they replace stay loaded for the runs using them,
/// and a folder that cannot be loaded is refused while the version before it keeps serving.
/// </summary>
internal sealed class PluginReloader(PluginCatalog catalog, PluginLoader loader, RetiredPlugins retired, IOptions<PluginOptions> options, ILogger<PluginReloader> logger)
{
    private readonly Lock _gate = new();

    /// <summary>
    /// Reloads what changed; returns false when some folder was still changing while it was read, so the caller
    /// looks again after a quiet period.
    /// </summary>
    public bool Reload()
    {
        lock (_gate)
        {
            var before = catalog.Plugins;
            var refusedBefore = catalog.Refusals;
            var scan = PluginDirectoryScan.Run(loader, options.Value.FullDirectory, before);
            catalog.Replace(scan.Plugins, scan.Refusals);

            foreach (var plugin in scan.Added)
            {
                var replaced = before.FirstOrDefault(p => p.Id == plugin.Id);
                if (replaced is null)
                {
                    logger.LogInformation("Loaded {Kind} plugin {Id} {Version} from {Directory}.", plugin.Manifest.Kind, plugin.Id, plugin.Version, plugin.Directory);
                }
                else
                {
                    logger.LogInformation("Plugin {Id}: version {Version} from {Directory} now serves new runs; runs in flight finish on {Previous}.",
                        plugin.Id, plugin.Version, plugin.Directory, replaced.Version);
                }
            }

            foreach (var plugin in scan.Retired)
            {
                if (!scan.Plugins.Any(p => p.Id == plugin.Id))
                {
                    logger.LogInformation("Plugin {Id} {Version}: its folder {Directory} is gone; it serves no new runs.", plugin.Id, plugin.Version, plugin.Directory);
                }

                retired.Add(plugin);
            }

            foreach (var refusal in scan.Refusals.Where(r => !refusedBefore.Contains(r)))
            {
                logger.LogError("Plugin refused: {Reason}", refusal.Reason);
            }

            retired.UnloadUnused();
            return scan.Settled;
        }
    }
}
