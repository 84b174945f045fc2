using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Destinations;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Writes the outcome of activation runs: the run row, one ledger row per record, the delivered state of every
/// accepted record (the next diff's base) and the retry bookkeeping of every failed one, one transaction per batch.
/// </summary>
internal sealed partial class DeliveryLedger(HubDatabase database, ActivationOptions options)
{
    private StorageProvider Provider => database.Provider;

    /// <summary>
    /// Opens the run's row, which is its lease on the activation (<see cref="DeliveryLease"/>); null when another run
    /// holds it. A row still Running whose heartbeat is older than <paramref name="staleBefore"/> belongs to a node
    /// that died or stalled: it is closed as Failed (its recorded batches stand; the rest is still in the diff) and
    /// this run takes over.
    /// </summary>
    public async Task<long?> StartAsync(long activationId, ActivationTrigger trigger, string node, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the stale row is looked at.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(ActivationStore.Command(
            """
            UPDATE activation_deliveries SET status = @failed, finished_at = @now, error = @error
            WHERE activation_id = @activationId AND status = @running AND (heartbeat_at IS NULL OR heartbeat_at < @staleBefore)
            """,
            new
            {
                activationId,
                failed = nameof(DeliveryStatus.Failed),
                running = nameof(DeliveryStatus.Running),
                now = StoredTime.Write(Provider, now),
                staleBefore = StoredTime.Write(Provider, staleBefore),
                error = "The hub node running it stopped or was not heard from before it finished; what it recorded stands, the next run sends the rest.",
            }, cancellationToken, transaction));
        var id = await connection.ExecuteScalarAsync<long?>(ActivationStore.Command(
            """
            INSERT INTO activation_deliveries (activation_id, trigger, status, node, started_at, heartbeat_at)
            VALUES (@activationId, @trigger, @status, @node, @now, @now)
            ON CONFLICT DO NOTHING RETURNING id
            """,
            new { activationId, trigger = trigger.ToString(), status = nameof(DeliveryStatus.Running), node, now = StoredTime.Write(Provider, now) }, cancellationToken, transaction));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Forgets failures that no longer matter: the profile left (a failed add or upsert) or came back (a failed
    /// remove; if it came back with a refused consent, the diff asks for the remove again as a first attempt).
    /// </summary>
    public async Task ForgetStaleFailuresAsync(ActivationView activation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(ActivationStore.Command(
            """
            DELETE FROM activation_pending WHERE activation_id = @activationId
              AND (operation <> @remove) = NOT EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = @segmentId AND m.profile_id = activation_pending.profile_id AND m.exited_at IS NULL)
            """,
            new { activationId = activation.Id, segmentId = activation.SegmentId, remove = nameof(RecordOperation.Remove) }, cancellationToken));
    }

    /// <summary>Writes the counts so far, so a long run shows its progress (while it holds its lease).</summary>
    public async Task ProgressAsync(long deliveryId, DeliveryCounts counts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(ActivationStore.Command(
            """
            UPDATE activation_deliveries SET adds = @Adds, removes = @Removes, updates = @Updates, sent = @Sent,
                accepted = @Accepted, rejected = @Rejected, retry = @Retry, deferred = @Deferred
            WHERE id = @deliveryId AND status = @running
            """,
            new { deliveryId, running = nameof(DeliveryStatus.Running), counts.Adds, counts.Removes, counts.Updates, counts.Sent, counts.Accepted, counts.Rejected, counts.Retry, counts.Deferred }, cancellationToken));
    }

    /// <summary>Records how the run ended, if it still holds its lease; false when it was taken over meanwhile.</summary>
    public async Task<bool> FinishAsync(long deliveryId, DeliveryStatus status, DeliveryCounts counts, string? error, DateTimeOffset now)
    {
        // Not the run's token: a cancelled run still records how far it got.
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteAsync(
            """
            UPDATE activation_deliveries SET status = @status, finished_at = @now, adds = @Adds, removes = @Removes, updates = @Updates, sent = @Sent,
                accepted = @Accepted, rejected = @Rejected, retry = @Retry, deferred = @Deferred, error = @error
            WHERE id = @deliveryId AND status = @running
            """,
            new { deliveryId, status = status.ToString(), running = nameof(DeliveryStatus.Running), now = StoredTime.Write(Provider, now), counts.Adds, counts.Removes, counts.Updates, counts.Sent, counts.Accepted, counts.Rejected, counts.Retry, counts.Deferred, error }) == 1;
    }

    /// <summary>Removes the entry of a run that found nothing to do, so unattended no-op runs do not bury real deliveries.</summary>
    public async Task DiscardAsync(long deliveryId)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM activation_deliveries WHERE id = @deliveryId AND status = @running", new { deliveryId, running = nameof(DeliveryStatus.Running) });
    }
}
