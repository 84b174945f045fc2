namespace ConnectorHub.Core.Plugins;

/// <summary>
/// Decides which plugin serves each id after looking at every plugin folder (immediate subfolder) of the plugins
/// directory. At start nothing is serving yet; on a hot reload, what serves now carries on wherever the folder did not
/// change, or changed into something that cannot be loaded, so a bad or half-copied new version never replaces a good one.
/// </summary>
internal static class PluginDirectoryScan
{
    /// <summary>Scans <paramref name="root"/>; <paramref name="serving"/> are the plugins in use now (none at start).</summary>
    public static PluginScanResult Run(PluginLoader loader, string root, IReadOnlyList<LoadedPlugin> serving)
    {
        var servingByFolder = serving.ToDictionary(p => p.Directory, StringComparer.Ordinal);
        var kept = new List<LoadedPlugin>();
        var fresh = new List<LoadedPlugin>();
        var refusals = new List<PluginRefusal>();
        var settled = true;
        foreach (var directory in Folders(root))
        {
            var current = servingByFolder.GetValueOrDefault(directory);
            try
            {
                if (current is not null && current.Fingerprint == PluginFolderFingerprint.Of(directory))
                {
                    kept.Add(current);
                    continue;
                }

                var loaded = loader.Load(directory);
                if (loaded.Fingerprint != PluginFolderFingerprint.Of(directory))
                {
                    // Files changed while it loaded: still being copied. The next look decides.
                    loaded.Unload();
                    settled = false;
                    kept.AddRange(current is null ? [] : [current]);
                    continue;
                }

                fresh.Add(loaded);
            }
            catch (PluginLoadException ex)
            {
                var reason = current is null ? ex.Message : $"{ex.Message} Version {current.Version} keeps serving until this is fixed.";
                refusals.Add(new PluginRefusal(directory, TryReadId(directory), reason));
                kept.AddRange(current is null ? [] : [current]);
            }
            catch (DirectoryNotFoundException)
            {
                settled = false; // deleted while we looked
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                refusals.Add(new PluginRefusal(directory, null, $"The plugin folder '{directory}' could not be read: {ex.Message} Give the hub's user read access to it."));
                kept.AddRange(current is null ? [] : [current]);
            }
        }

        var plugins = kept.Concat(fresh).ToList();
        RefuseDuplicateIds(plugins, serving, refusals);
        return new PluginScanResult(
            plugins,
            refusals,
            Retired: serving.Where(p => !plugins.Contains(p)).ToArray(),
            Added: fresh.Where(plugins.Contains).ToArray(),
            settled);
    }

    private static IEnumerable<string> Folders(string root) =>
        Directory.Exists(root) ? Directory.GetDirectories(root).Order(StringComparer.Ordinal) : [];

    /// <summary>
    /// Two folders declaring one id: at start neither is loaded; later, the folder that already served the id keeps
    /// serving, and the newcomer is refused.
    /// </summary>
    private static void RefuseDuplicateIds(List<LoadedPlugin> plugins, IReadOnlyList<LoadedPlugin> serving, List<PluginRefusal> refusals)
    {
        foreach (var group in plugins.GroupBy(p => p.Id).Where(g => g.Count() > 1).ToArray())
        {
            var folders = string.Join(" and ", group.Select(p => $"'{p.Directory}'"));
            var incumbent = group.FirstOrDefault(p => serving.Any(s => s.Id == p.Id && s.Directory == p.Directory));
            foreach (var plugin in group.Where(p => p != incumbent))
            {
                var outcome = incumbent is null
                    ? "so neither was loaded"
                    : $"so '{plugin.Directory}' was not loaded ('{incumbent.Directory}' keeps serving version {incumbent.Version})";
                refusals.Add(new PluginRefusal(plugin.Directory, plugin.Id,
                    $"Plugin '{plugin.Id}': the folders {folders} both declare this id, {outcome}. Remove one of them, or give it another id in its plugin.json."));
                plugins.Remove(plugin);
                if (!serving.Contains(plugin))
                {
                    plugin.Unload();
                }
            }
        }
    }

    private static string? TryReadId(string directory)
    {
        try
        {
            return PluginManifestReader.Read(directory).Id;
        }
        catch (PluginLoadException)
        {
            return null;
        }
    }
}

/// <summary>What a scan of the plugins directory decided.</summary>
/// <param name="Plugins">The plugins to serve.</param>
/// <param name="Refusals">The folders refused, with their reasons.</param>
/// <param name="Retired">Plugins that served before the scan and no longer do (replaced by a new version, or removed).</param>
/// <param name="Added">Plugins loaded by this scan that now serve.</param>
/// <param name="Settled">False when some folder changed while it was read: look again after a quiet period.</param>
internal sealed record PluginScanResult(
    IReadOnlyList<LoadedPlugin> Plugins,
    IReadOnlyList<PluginRefusal> Refusals,
    IReadOnlyList<LoadedPlugin> Retired,
    IReadOnlyList<LoadedPlugin> Added,
    bool Settled);
