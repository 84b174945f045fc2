using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Runner;

/// <summary>Everything one run needs, loaded once: the source, the sink, and each stream's key and mapper.</summary>
internal sealed class RunSetup : IAsyncDisposable
{
    private RunSetup(Sync sync, ISourceConnector source, ConnectorContext sourceContext, IRecordSink sink, IReadOnlyList<StreamPlan> streams)
    {
        Sync = sync;
        Source = source;
        SourceContext = sourceContext;
        Sink = sink;
        Streams = streams;
    }

    public Sync Sync { get; }

    public ISourceConnector Source { get; }

    public ConnectorContext SourceContext { get; }

    public IRecordSink Sink { get; }

    public IReadOnlyList<StreamPlan> Streams { get; }

    public StreamPlan? Plan(string stream) => Streams.FirstOrDefault(s => s.Stream.Name == stream);

    public ReadRequest ReadRequest(IReadOnlyDictionary<string, JsonNode> states) => new()
    {
        Streams = Streams.Select(s => new ConfiguredStream
        {
            Name = s.Stream.Name,
            SyncMode = s.Stream.SyncMode,
            CursorField = s.Stream.CursorField.Count > 0 ? s.Stream.CursorField : s.Descriptor?.DefaultCursorField ?? [],
            PrimaryKey = s.PrimaryKey,
        }).ToArray(),
        States = states.Where(p => Streams.Any(s => s.Stream.Name == p.Key)).ToDictionary(p => p.Key, p => p.Value),
    };

    public static async Task<RunSetup> LoadAsync(
        Guid syncId, Guid runId, IDbContextFactory<HubDbContext> dbFactory, PluginCatalog catalog, ConnectorContextFactory contexts,
        IStreamMapperFactory mappers, IHubSinkFactory? hubSinks, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sync = await db.Set<Sync>().AsNoTracking().SingleAsync(s => s.Id == syncId, cancellationToken);
        var sourceConnection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == sync.SourceConnectionId, cancellationToken);
        var sourcePlugin = PluginOf(catalog, sourceConnection);
        var sourceContext = contexts.Create(sourceConnection, sourcePlugin);
        var discovered = await sourcePlugin.Source.DiscoverAsync(sourceContext, cancellationToken);

        var streams = SyncView.StreamsOf(sync).Select(stream =>
        {
            var descriptor = discovered.FirstOrDefault(d => d.Name == stream.Name);
            var key = stream.PrimaryKey.Count > 0 ? stream.PrimaryKey : descriptor?.PrimaryKey ?? [];
            return new StreamPlan(stream, descriptor, key, mappers.Create(sync, stream, sourcePlugin));
        }).ToArray();

        IRecordSink sink;
        if (sync.DestinationConnectionId is { } destinationId)
        {
            var destinationConnection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == destinationId, cancellationToken);
            var destinationPlugin = PluginOf(catalog, destinationConnection);
            sink = new DestinationSink(destinationPlugin.Destination, contexts.Create(destinationConnection, destinationPlugin),
                streams.Select(s => s.Stream).ToArray(), JsonNode.Parse(sync.DestinationSettings)!.AsObject());
        }
        else
        {
            sink = hubSinks?.Create(sync, runId) ?? throw new ConfigurationException(
                $"The sync '{sync.Name}' writes into the hub's profile store, which this hub was started without. Give the sync a destination connection.");
        }

        return new RunSetup(sync, sourcePlugin.Source, sourceContext, sink, streams);
    }

    public ValueTask DisposeAsync() => Sink.DisposeAsync();

    private static LoadedPlugin PluginOf(PluginCatalog catalog, Connection connection) =>
        catalog.Find(connection.PluginId) ?? throw new ConfigurationException(
            $"The connection '{connection.Name}' uses the plugin '{connection.PluginId}', which is not installed (or was refused at start: see GET /api/plugins/refused). Install it and run again.");
}

/// <summary>How one stream of a run is keyed and mapped.</summary>
internal sealed record StreamPlan(SyncStream Stream, StreamDescriptor? Descriptor, IReadOnlyList<IReadOnlyList<string>> PrimaryKey, IStreamMapper Mapper);
