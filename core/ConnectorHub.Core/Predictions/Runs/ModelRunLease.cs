using ConnectorHub.Core.Leases;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>A training run's lease on its model (a <see cref="Lease"/>): its row being Running, renewed by a heartbeat.</summary>
internal static class ModelRunLease
{
    public static Lease For(HubDatabase database, ModelRunStore store, long runId, TimeSpan staleAfter, TimeProvider time) => new(
        async cancellationToken =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            return await store.RenewAsync(connection, null, runId, time.GetUtcNow(), cancellationToken);
        },
        () => new ModelRunLeaseLostException(runId),
        staleAfter,
        time);
}
