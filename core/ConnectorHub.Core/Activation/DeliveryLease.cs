using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Leases;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// An activation run's lease on its activation (a <see cref="Lease"/>): its ledger row being <c>Running</c> (one such
/// row per activation, by a unique index). A heartbeat keeps it fresh; a row whose heartbeat went stale is closed by
/// the next run that wants the activation, which takes it over. Every ledger write of the run checks the lease in its
/// own transaction, and every batch checks it before it leaves for the destination.
/// </summary>
internal static class DeliveryLease
{
    /// <summary>The lease of the ledger row <paramref name="deliveryId"/>.</summary>
    public static Lease For(HubDatabase database, long deliveryId, TimeSpan staleAfter, TimeProvider time) => new(
        async cancellationToken =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            return await RenewAsync(connection, null, database.Provider, deliveryId, time.GetUtcNow(), cancellationToken);
        },
        () => new DeliveryLeaseLostException(deliveryId),
        staleAfter,
        time);

    /// <summary>Renews the lease of <paramref name="deliveryId"/> inside <paramref name="transaction"/>; false when it is gone.</summary>
    public static async Task<bool> RenewAsync(DbConnection connection, DbTransaction? transaction, StorageProvider provider, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(ActivationStore.Command(
            "UPDATE activation_deliveries SET heartbeat_at = @now WHERE id = @deliveryId AND status = @running",
            new { deliveryId, now = StoredTime.Write(provider, now), running = nameof(DeliveryStatus.Running) }, cancellationToken, transaction)) == 1;
}
