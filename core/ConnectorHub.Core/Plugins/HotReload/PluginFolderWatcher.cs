using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Plugins.HotReload;

/// <summary>
/// Hot reload: watches the plugins directory and, once nothing in it changed for the quiet period
/// (<see cref="PluginOptions.ReloadQuietPeriod"/>), reloads what changed. Retired versions are unloaded once no run
/// uses them any more.
/// </summary>
internal sealed class PluginFolderWatcher(PluginReloader reloader, RetiredPlugins retired, IOptions<PluginOptions> options, TimeProvider time, ILogger<PluginFolderWatcher> logger) : BackgroundService
{
    /// <summary>How often retired versions are checked, besides after every reload.</summary>
    private static readonly TimeSpan UnloadCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often the directory is read when the operating system cannot watch it.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.HotReload)
        {
            return;
        }

        var directory = settings.FullDirectory;
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Hot reload is off: the plugins directory {Directory} does not exist. Create it and restart the hub.", directory);
            return;
        }

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = Watch(directory, changes.Writer);

        // Whatever changed between the load at start and the watch is caught by one look now.
        changes.Writer.TryWrite(true);
        await Task.WhenAll(
            ReloadOnChangesAsync(changes, settings.ReloadQuietPeriod, stoppingToken),
            UnloadRetiredAsync(stoppingToken),
            watcher is null ? PollAsync(changes.Writer, stoppingToken) : Task.CompletedTask);
    }

    private FileSystemWatcher? Watch(string directory, ChannelWriter<bool> changes)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => changes.TryWrite(true);
        watcher.Created += (_, _) => changes.TryWrite(true);
        watcher.Deleted += (_, _) => changes.TryWrite(true);
        watcher.Renamed += (_, _) => changes.TryWrite(true);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Watching the plugins directory failed; it is read again in full.");
            changes.TryWrite(true);
        };

        try
        {
            watcher.EnableRaisingEvents = true;
            logger.LogInformation("Hot reload: watching {Directory} for new plugins and versions (quiet period {QuietPeriod}).", directory, options.Value.ReloadQuietPeriod);
            return watcher;
        }
        catch (IOException ex)
        {
            // Typically the per-user limit of inotify instances on Linux.
            watcher.Dispose();
            logger.LogWarning(ex, "Hot reload cannot watch {Directory} ({Message}); it reads the directory every {Interval} instead.", directory, ex.Message, PollInterval);
            return null;
        }
    }

    private async Task PollAsync(ChannelWriter<bool> changes, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            changes.TryWrite(true);
        }
    }

    private async Task ReloadOnChangesAsync(Channel<bool> changes, TimeSpan quietPeriod, CancellationToken stoppingToken)
    {
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Reload only once nothing changed for a quiet period, so a folder being copied is read whole.
            do
            {
                changes.Reader.TryRead(out _);
                await Task.Delay(quietPeriod, time, stoppingToken);
            }
            while (changes.Reader.TryRead(out _));

            try
            {
                if (!reloader.Reload())
                {
                    changes.Writer.TryWrite(true);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reloading the plugins directory failed: {Message}. The plugins loaded before keep serving.", ex.Message);
            }
        }
    }

    private async Task UnloadRetiredAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(UnloadCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            retired.UnloadUnused();
        }
    }
}
