using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.BenchPlugins.Discard;

/// <summary>Accepts every record and keeps nothing.</summary>
public sealed class DiscardDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new() { ConfigSchema = new JsonObject { ["type"] = "object" } };

    /// <inheritdoc />
    public DestinationCapabilities GetCapabilities() => new()
    {
        MaxBatchSize = 10_000,
        SupportedModes = [DestinationSyncMode.Upsert, DestinationSyncMode.Append],
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(CheckResult.Success());

    /// <inheritdoc />
    public Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IDestinationWriter>(new Writer());

    private sealed class Writer : IDestinationWriter
    {
        public Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken) =>
            Task.FromResult(WriteBatchResult.AllAccepted(batch));

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
