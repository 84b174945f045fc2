using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Sources;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Connections;

/// <summary>
/// Reads the first few records of a source's stream, for the mapping editor's preview: a full-refresh read that stops
/// as soon as it has enough (stopping disposes the connector's enumeration, which cancels its requests).
/// </summary>
public sealed class SourceSampler(IDbContextFactory<HubDbContext> dbFactory, PluginCatalog catalog, ConnectorContextFactory contexts)
{
    /// <summary>At most this many records per sample.</summary>
    public const int MaxSamples = 20;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Up to <paramref name="count"/> records of <paramref name="stream"/>, as the source emits them.</summary>
    public async Task<IReadOnlyList<JsonObject>> SampleAsync(Guid connectionId, string stream, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionService.FindAsync(db, connectionId, cancellationToken);
        var plugin = catalog.Get(connection.PluginId);
        if (plugin.Manifest.Kind != PluginKind.Source)
        {
            throw new HubValidationException("connectionId", $"The connection '{connection.Name}' is a destination; only sources have records to sample.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var samples = new List<JsonObject>(Math.Clamp(count, 1, MaxSamples));
        var request = new ReadRequest { Streams = [new ConfiguredStream { Name = stream }] };
        await foreach (var message in plugin.Source.ReadAsync(contexts.Create(connection, plugin), request, timeout.Token))
        {
            if (message is RecordMessage record && record.Stream == stream)
            {
                samples.Add(record.Data);
                if (samples.Count >= samples.Capacity)
                {
                    break;
                }
            }
        }

        return samples;
    }
}
