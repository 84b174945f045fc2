using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Destinations;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Writes the outcome of activation runs: the run row, one ledger row per record, the delivered state of every
/// accepted record (the next diff's base) and the retry bookkeeping of every failed one, one transaction per batch.
/// </summary>
internal sealed class DeliveryLedger(HubDatabase database, ActivationOptions options)
{
    private StorageProvider Provider => database.Provider;

    public async Task<long> StartAsync(long activationId, ActivationTrigger trigger, string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(ActivationStore.Command(
            "INSERT INTO activation_deliveries (activation_id, trigger, status, node, started_at) VALUES (@activationId, @trigger, @status, @node, @now) RETURNING id",
            new { activationId, trigger = trigger.ToString(), status = nameof(DeliveryStatus.Running), node, now = StoredTime.Write(Provider, now) }, cancellationToken));
    }

    /// <summary>Forgets failures that no longer matter: the profile left (an add or upsert) or came back (a remove).</summary>
    public async Task ForgetStaleFailuresAsync(ActivationView activation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(ActivationStore.Command(
            """
            DELETE FROM activation_pending WHERE activation_id = @activationId AND operation <> @remove
              AND NOT EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = @segmentId AND m.profile_id = activation_pending.profile_id AND m.exited_at IS NULL)
            """,
            new { activationId = activation.Id, segmentId = activation.SegmentId, remove = nameof(RecordOperation.Remove) }, cancellationToken));
    }

    /// <summary>Records one written batch: <paramref name="outcomes"/> pairs each change with the destination's result.</summary>
    public async Task RecordAsync(long activationId, long deliveryId, IReadOnlyList<(MemberChange Change, RecordResult Result)> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = StoredTime.Write(Provider, now);
        await connection.ExecuteAsync(ActivationStore.Command(
            "INSERT INTO activation_delivery_records (delivery_id, activation_id, profile_id, operation, outcome, reason, attempt) VALUES (@deliveryId, @activationId, @ProfileId, @Operation, @Outcome, @Reason, @Attempt)",
            outcomes.Select(o => new { deliveryId, activationId, o.Change.ProfileId, Operation = o.Change.Operation.ToString(), Outcome = o.Result.Outcome.ToString(), o.Result.Reason, o.Change.Attempt }).ToArray(),
            cancellationToken, transaction));

        var accepted = outcomes.Where(o => o.Result.Outcome == RecordOutcome.Accepted).Select(o => o.Change).ToArray();
        await connection.ExecuteAsync(ActivationStore.Command(
            """
            INSERT INTO activation_members (activation_id, profile_id, state, payload_hash, payload, delivered_at) VALUES (@activationId, @ProfileId, @State, @Hash, @Payload, @at)
            ON CONFLICT (activation_id, profile_id) DO UPDATE SET state = excluded.state, payload_hash = excluded.payload_hash, payload = excluded.payload, delivered_at = excluded.delivered_at
            """,
            accepted.Select(c => c.Operation == RecordOperation.Remove
                ? new { activationId, c.ProfileId, State = MemberState.Absent, Hash = (string?)null, Payload = (string?)null, at }
                : new { activationId, c.ProfileId, State = MemberState.Present, Hash = c.PayloadHash, Payload = (string?)c.Data.ToJsonString(), at }).ToArray(),
            cancellationToken, transaction));
        await connection.ExecuteAsync(ActivationStore.Command(
            "DELETE FROM activation_pending WHERE activation_id = @activationId AND profile_id = @ProfileId",
            accepted.Select(c => new { activationId, c.ProfileId }).ToArray(), cancellationToken, transaction));

        await connection.ExecuteAsync(ActivationStore.Command(
            """
            INSERT INTO activation_pending (activation_id, profile_id, operation, payload_hash, outcome, reason, attempts, first_failed_at, last_failed_at, next_attempt_at)
            VALUES (@activationId, @ProfileId, @Operation, @Hash, @Outcome, @Reason, @Attempt, @at, @at, @next)
            ON CONFLICT (activation_id, profile_id) DO UPDATE SET operation = excluded.operation, payload_hash = excluded.payload_hash, outcome = excluded.outcome,
                reason = excluded.reason, attempts = excluded.attempts, last_failed_at = excluded.last_failed_at, next_attempt_at = excluded.next_attempt_at,
                first_failed_at = CASE WHEN excluded.attempts = 1 THEN excluded.first_failed_at ELSE activation_pending.first_failed_at END
            """,
            outcomes.Where(o => o.Result.Outcome != RecordOutcome.Accepted).Select(o => new
            {
                activationId,
                o.Change.ProfileId,
                Operation = o.Change.Operation.ToString(),
                Hash = o.Change.PayloadHash,
                Outcome = o.Result.Outcome.ToString(),
                o.Result.Reason,
                o.Change.Attempt,
                at,
                next = StoredTime.Write(Provider, now + RetryBackoff.After(o.Change.Attempt, options)),
            }).ToArray(),
            cancellationToken, transaction));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FinishAsync(long deliveryId, DeliveryStatus status, DeliveryCounts counts, string? error, DateTimeOffset now)
    {
        // Not the run's token: a cancelled run still records how far it got.
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            UPDATE activation_deliveries SET status = @status, finished_at = @now, adds = @Adds, removes = @Removes, updates = @Updates, sent = @Sent,
                accepted = @Accepted, rejected = @Rejected, retry = @Retry, deferred = @Deferred, error = @error
            WHERE id = @deliveryId
            """,
            new { deliveryId, status = status.ToString(), now = StoredTime.Write(Provider, now), counts.Adds, counts.Removes, counts.Updates, counts.Sent, counts.Accepted, counts.Rejected, counts.Retry, counts.Deferred, error });
    }
}
