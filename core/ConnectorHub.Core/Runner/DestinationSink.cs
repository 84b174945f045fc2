using System.Text.Json.Nodes;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Runner;

/// <summary>Writes records through a destination connector: one writer per stream, batches within its limit.</summary>
internal sealed class DestinationSink(IDestinationConnector destination, ConnectorContext context, IReadOnlyList<SyncStream> streams, JsonObject settings) : IRecordSink
{
    private readonly Dictionary<string, IDestinationWriter> _writers = new(StringComparer.Ordinal);

    public int MaxBatchSize { get; } = Math.Max(1, destination.GetCapabilities().MaxBatchSize);

    public async Task<IReadOnlyList<RecordResult>> WriteAsync(string stream, IReadOnlyList<DestinationRecord> records, CancellationToken cancellationToken)
    {
        if (!_writers.TryGetValue(stream, out var writer))
        {
            var mode = streams.FirstOrDefault(s => s.Name == stream)?.DestinationMode ?? DestinationSyncMode.Upsert;
            writer = await destination.OpenAsync(context, new WriteRequest { Stream = stream, Mode = mode, Settings = (JsonObject)settings.DeepClone() }, cancellationToken);
            _writers[stream] = writer;
        }

        var result = await writer.WriteAsync(records, cancellationToken);
        return result.Results;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var writer in _writers.Values)
        {
            await writer.CompleteAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values)
        {
            await writer.DisposeAsync();
        }
    }
}
