using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Specs;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Connections;

/// <summary>
/// Creates, changes, checks and discovers connections. A configuration is validated against the plugin's spec and
/// checked against the real system before it is saved; secrets are encrypted at rest and only ever shown masked.
/// </summary>
public sealed class ConnectionService(
    IDbContextFactory<HubDbContext> dbFactory,
    PluginCatalog catalog,
    ConnectionSecrets secrets,
    ConnectorContextFactory contexts,
    TimeProvider time)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);

    /// <summary>All connections, by name.</summary>
    public async Task<IReadOnlyList<ConnectionView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connections = await db.Set<Connection>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return connections.Select(View).ToArray();
    }

    /// <summary>One connection.</summary>
    public async Task<ConnectionView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return View(await FindAsync(db, id, cancellationToken));
    }

    /// <summary>Validates, checks against the real system, then saves a new connection.</summary>
    public async Task<ConnectionView> CreateAsync(ConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plugin = catalog.Find(request.PluginId) ?? throw new HubValidationException("pluginId",
            $"No plugin '{request.PluginId}' is installed. Installed: {string.Join(", ", catalog.Plugins.Select(p => p.Id))}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ValidateAsync(db, null, request.Name, plugin, request.Config, cancellationToken);
        var check = await CheckConfigAsync(plugin, request.Config, cancellationToken);
        RequireSuccess(check);

        var now = time.GetUtcNow();
        var connection = new Connection
        {
            Id = Guid.NewGuid(),
            Name = request.Name.Trim(),
            PluginId = plugin.Id,
            Kind = plugin.Manifest.Kind,
            Config = "{}",
            CreatedAt = now,
            UpdatedAt = now,
        };
        secrets.Store(connection, plugin.Spec, request.Config);
        Record(connection, check, now);
        db.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return View(connection);
    }

    /// <summary>Changes a connection's name and settings (masked secrets keep their stored values), checking first.</summary>
    public async Task<ConnectionView> UpdateAsync(Guid id, ConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, id, cancellationToken);
        var plugin = catalog.Get(connection.PluginId);
        var config = ConfigSecrets.MergeUpdate(plugin.Spec, secrets.Read(connection), request.Config);
        await ValidateAsync(db, id, request.Name, plugin, config, cancellationToken);
        var check = await CheckConfigAsync(plugin, config, cancellationToken);
        RequireSuccess(check);

        connection.Name = request.Name.Trim();
        secrets.Store(connection, plugin.Spec, config);
        connection.UpdatedAt = time.GetUtcNow();
        Record(connection, check, connection.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        return View(connection);
    }

    /// <summary>Deletes a connection that no sync uses.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, id, cancellationToken);
        var users = await db.Set<Sync>().Where(s => s.SourceConnectionId == id || s.DestinationConnectionId == id).Select(s => s.Name).ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            throw new HubValidationException("id", $"The connection '{connection.Name}' is used by the sync(s) {string.Join(", ", users.Select(u => $"'{u}'"))}. Delete those first.");
        }

        db.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Runs the connector's check on a stored connection and records the result.</summary>
    public async Task<CheckResult> CheckAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, id, cancellationToken);
        var plugin = catalog.Get(connection.PluginId);
        var check = await RunCheckAsync(plugin, contexts.Create(connection, plugin), cancellationToken);
        Record(connection, check, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return check;
    }

    /// <summary>The streams a source connection offers.</summary>
    public async Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, id, cancellationToken);
        var plugin = catalog.Get(connection.PluginId);
        if (plugin.Manifest.Kind != PluginKind.Source)
        {
            throw new HubValidationException("id", $"The connection '{connection.Name}' is a destination; only sources have streams to discover.");
        }

        return await plugin.Source.DiscoverAsync(contexts.Create(connection, plugin), cancellationToken);
    }

    internal static async Task<Connection> FindAsync(HubDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Connection>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFoundException.For("connection", id);

    private async Task<CheckResult> CheckConfigAsync(LoadedPlugin plugin, JsonObject config, CancellationToken cancellationToken) =>
        await RunCheckAsync(plugin, contexts.ForConfig(plugin, config), cancellationToken);

    private static async Task<CheckResult> RunCheckAsync(LoadedPlugin plugin, ConnectorContext context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await plugin.Connector.CheckAsync(context, timeout.Token);
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failure($"The check got no answer within {CheckTimeout.TotalSeconds:0} s. Is the address right and reachable from the hub?");
        }
    }

    private static async Task ValidateAsync(HubDbContext db, Guid? id, string name, LoadedPlugin plugin, JsonObject config, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "A name is required.");
        }
        else if (await db.Set<Connection>().AnyAsync(c => c.Name == name.Trim() && c.Id != id, cancellationToken))
        {
            errors.Add("name", $"A connection named '{name.Trim()}' already exists.");
        }

        foreach (var violation in JsonSchemaValidator.FromJson(plugin.Spec.ConfigSchema).Validate(config))
        {
            errors.Add(violation.Path.Length == 0 ? "config" : $"config.{violation.Path}", violation.Message);
        }

        errors.ThrowIfAny();
    }

    private static void RequireSuccess(CheckResult check)
    {
        if (!check.Succeeded)
        {
            throw new HubValidationException("config", $"The connection check failed: {check.Message}");
        }
    }

    private static void Record(Connection connection, CheckResult check, DateTimeOffset at)
    {
        connection.LastCheckAt = at;
        connection.LastCheckSucceeded = check.Succeeded;
        connection.LastCheckMessage = check.Message;
    }

    private ConnectionView View(Connection c)
    {
        var plugin = catalog.Find(c.PluginId);
        var config = secrets.Read(c);
        return new ConnectionView(c.Id, c.Name, c.PluginId, c.Kind, plugin is null ? new JsonObject() : ConfigSecrets.Masked(plugin.Spec, config),
            c.CreatedAt, c.UpdatedAt, c.LastCheckAt, c.LastCheckSucceeded, c.LastCheckMessage);
    }
}
