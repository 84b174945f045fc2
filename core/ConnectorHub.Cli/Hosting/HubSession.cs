using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Core.Plugins;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConnectorHub.Cli.Hosting;

/// <summary>
/// The engine for one command. Commands that only use plugins (list, check, discover) never start it, so they
/// never touch a state store; <c>run</c> starts it, which migrates the store's schema.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private HubSession(IHost host, string pluginsDirectory, StateStore store)
    {
        _host = host;
        PluginsDirectory = pluginsDirectory;
        Store = store;
    }

    public string PluginsDirectory { get; }

    public StateStore Store { get; }

    /// <summary>The plugins loaded from <see cref="PluginsDirectory"/>, and the folders refused.</summary>
    public PluginCatalog Plugins => Get<PluginCatalog>();

    public static HubSession Open(CliContext context, StateStore? store = null)
    {
        var pluginsDirectory = context.ResolvePluginsDirectory();
        store ??= StateStore.From(null, null, context.WorkingDirectory);
        return new HubSession(CliHost.Build(pluginsDirectory, store, context.Verbose), pluginsDirectory, store);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Opens the state store (creating or upgrading its schema) and loads the plugins.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _host.StartAsync(cancellationToken);
            _started = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw CliException.Configuration($"Could not open the state store ({Store.Description}): {ex.Message}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync(CancellationToken.None);
        }

        _host.Dispose();

        // Release the SQLite file at once, so scripts can move or delete it when the command returns.
        SqliteConnection.ClearAllPools();
    }
}
