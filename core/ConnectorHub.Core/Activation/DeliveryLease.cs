using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// An activation run's hold on its activation: its ledger row being <c>Running</c> (one such row per activation,
/// by a unique index). A heartbeat keeps it fresh; a row whose heartbeat went stale is closed by the next run that
/// wants the activation, which takes it over. Every ledger write of the run checks the lease in its own transaction,
/// and every batch checks it before it leaves for the destination, so a node that stalled and woke after a takeover
/// sends and records nothing more.
/// </summary>
internal sealed class DeliveryLease(HubDatabase database, long deliveryId, TimeSpan staleAfter, TimeProvider time)
{
    private volatile bool _lost;

    /// <summary>The run's ledger row.</summary>
    public long DeliveryId { get; } = deliveryId;

    /// <summary>Whether the lease was found gone.</summary>
    public bool IsLost => _lost;

    /// <summary>Renews the lease; throws <see cref="DeliveryLeaseLostException"/> when it is gone.</summary>
    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        while (!_lost)
        {
            var asked = time.GetTimestamp();
            if (!await RenewAsync(cancellationToken))
            {
                break;
            }

            // Only a renewal answered quickly proves the lease is held now (see RunLease).
            if (time.GetElapsedTime(asked) < staleAfter / 2)
            {
                return;
            }
        }

        _lost = true;
        throw new DeliveryLeaseLostException(DeliveryId);
    }

    /// <summary>Renews the lease; false when it is gone.</summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await RenewAsync(connection, null, database.Provider, DeliveryId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Records that the lease is gone.</summary>
    public void Lose() => _lost = true;

    /// <summary>Renews the lease of <paramref name="deliveryId"/> inside <paramref name="transaction"/>; false when it is gone.</summary>
    public static async Task<bool> RenewAsync(DbConnection connection, DbTransaction? transaction, StorageProvider provider, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(ActivationStore.Command(
            "UPDATE activation_deliveries SET heartbeat_at = @now WHERE id = @deliveryId AND status = @running",
            new { deliveryId, now = StoredTime.Write(provider, now), running = nameof(DeliveryStatus.Running) }, cancellationToken, transaction)) == 1;
}
