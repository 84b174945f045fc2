using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Connections;
using ConnectorHub.Cli.Files;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Cli.Runs;

/// <summary>
/// Makes the state store hold the sync a file describes: its connections (named "{sync} (source)" and
/// "{sync} (destination)") and the sync itself are created, or updated in place, by name, so the sync keeps its
/// checkpoints from one run to the next. The engine checks each connection against the real system on the way.
/// </summary>
internal sealed class SyncProvisioner(ConnectionService connections, SyncService syncs)
{
    public async Task<SyncView> ApplyAsync(SyncFile file, IReadOnlyList<ResolvedConnection> resolved, CancellationToken cancellationToken)
    {
        var existing = await connections.ListAsync(cancellationToken);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var connection in resolved)
        {
            ids[connection.Connection.Role] = await UpsertAsync(file, connection, existing, cancellationToken);
        }

        var request = new SyncRequest
        {
            Name = file.Name,
            SourceConnectionId = ids["source"],
            DestinationConnectionId = ids.TryGetValue("destination", out var destination) ? destination : null,
            Streams = file.Streams,
            DestinationSettings = file.DestinationSettings,
        };
        var current = (await syncs.ListAsync(cancellationToken)).FirstOrDefault(s => s.Name == file.Name);
        try
        {
            return current is null
                ? await syncs.CreateAsync(request, cancellationToken)
                : await syncs.UpdateAsync(current.Id, request, cancellationToken);
        }
        catch (HubValidationException ex)
        {
            throw new InvalidFileException(file.Document.Path, ex.Errors
                .SelectMany(e => e.Value.Select(message => file.Document.Problem(FileFieldNames.OfSyncField(e.Key), message)))
                .ToArray());
        }
    }

    private async Task<Guid> UpsertAsync(SyncFile file, ResolvedConnection resolved, IReadOnlyList<ConnectionView> existing, CancellationToken cancellationToken)
    {
        var (connection, plugin) = resolved;
        var name = $"{file.Name} ({connection.Role})";
        var current = existing.FirstOrDefault(c => c.Name == name);
        if (current is not null && current.PluginId != plugin.Id)
        {
            throw new InvalidFileException(file.Document.Path, [file.Document.Problem(connection.PluginField,
                $"the state store already holds this sync's {connection.Role} with the plugin '{current.PluginId}', and a sync's checkpoints belong to its plugins. " +
                "Give the sync a new name, or use another --state file.")]);
        }

        var request = new ConnectionRequest(name, plugin.Id, connection.Config);
        try
        {
            var saved = current is null
                ? await connections.CreateAsync(request, cancellationToken)
                : await connections.UpdateAsync(current.Id, request, cancellationToken);
            return saved.Id;
        }
        catch (HubValidationException ex) when (ex.Errors.Keys.All(k => k == "config"))
        {
            const string Prefix = "The connection check failed: ";
            var reasons = ex.Errors.Values.SelectMany(m => m).Select(m => m.StartsWith(Prefix, StringComparison.Ordinal) ? m[Prefix.Length..] : m);
            throw CliException.Configuration($"The {connection.Role} ({plugin.Id}) refused its configuration: {string.Join(" ", reasons)}", ex);
        }
        catch (HubValidationException ex)
        {
            throw new InvalidFileException(file.Document.Path, ex.Errors
                .SelectMany(e => e.Value.Select(message => file.Document.Problem(
                    e.Key.StartsWith("config.", StringComparison.Ordinal) ? connection.ConfigField(e.Key["config.".Length..]) : connection.Field,
                    message)))
                .ToArray());
        }
    }
}
