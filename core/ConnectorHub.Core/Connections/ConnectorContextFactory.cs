using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Specs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Connections;

/// <summary>
/// Builds the <see cref="ConnectorContext"/> a connector gets for a call on a connection: decrypted config, a
/// logger that redacts secrets, the hub's clock, outgoing HTTP limited to the manifest's hosts, and a config
/// updater that persists rotated tokens at once.
/// </summary>
public sealed class ConnectorContextFactory(
    ConnectionSecrets secrets,
    IDbContextFactory<HubDbContext> dbFactory,
    IOptions<PluginOptions> pluginOptions,
    ILoggerFactory loggerFactory,
    TimeProvider time)
{
    /// <summary>A context for <paramref name="connection"/> of <paramref name="plugin"/>.</summary>
    public ConnectorContext Create(Connection connection, LoadedPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(plugin);
        var config = secrets.Read(connection);
        return ForConfig(plugin, config, new ConnectionConfigUpdater(connection.Id, plugin, secrets, dbFactory, time));
    }

    /// <summary>A context for a configuration not stored yet (checking a new connection).</summary>
    public ConnectorContext ForConfig(LoadedPlugin plugin, System.Text.Json.Nodes.JsonObject config, IConfigUpdater? updater = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var secretValues = ConfigSecrets.SecretValues(plugin.Spec, config);
        var allowLoopback = pluginOptions.Value.AllowLoopbackHosts;
        return new ConnectorContext
        {
            Config = new ConnectorConfig(config),
            Logger = new RedactingLogger(loggerFactory.CreateLogger($"ConnectorHub.Connectors.{plugin.Id}"), secretValues),
            Time = time,
            ConfigUpdater = updater ?? ConnectorContext.DiscardingConfigUpdater,
            CreateHttpHandler = () => new AllowedHostsHandler(plugin.Manifest, allowLoopback),
        };
    }

    /// <summary>Persists a connector's config change (such as a rotated refresh token) in its own transaction, at once.</summary>
    private sealed class ConnectionConfigUpdater(Guid connectionId, LoadedPlugin plugin, ConnectionSecrets secrets, IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IConfigUpdater
    {
        public async Task PersistAsync(ConnectorConfig updated, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(updated);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connection = await db.Set<Connection>().SingleAsync(c => c.Id == connectionId, cancellationToken);
            secrets.Store(connection, plugin.Spec, updated.ToJson());
            connection.UpdatedAt = time.GetUtcNow();

            // Not the run's token: a rotated refresh token must survive even if the run is cancelled right after.
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
