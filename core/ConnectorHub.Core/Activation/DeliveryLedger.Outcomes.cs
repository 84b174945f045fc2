using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Destinations;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>The per-batch part of the ledger: record rows, delivered state of accepted records, retry bookkeeping of failed ones.</summary>
internal sealed partial class DeliveryLedger
{
    /// <summary>
    /// Records one written batch, fenced by the run's lease: <paramref name="outcomes"/> pairs each change with the
    /// destination's result. Throws <see cref="DeliveryLeaseLostException"/>, recording nothing, when the lease is gone.
    /// </summary>
    public async Task RecordAsync(long activationId, long deliveryId, IReadOnlyList<(MemberChange Change, RecordResult Result)> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // First, so the run's row stays locked until commit: a takeover either came before (nothing is recorded) or
        // waits for this commit and then finds the heartbeat fresh. A node frozen here is ended by PostgreSQL.
        if (Provider == StorageProvider.Postgres)
        {
            await StalledTransactions.EndAfterAsync(connection, transaction, options.StaleAfter, cancellationToken);
        }

        if (!await DeliveryLease.RenewAsync(connection, transaction, Provider, deliveryId, now, cancellationToken))
        {
            throw new DeliveryLeaseLostException(deliveryId);
        }

        var at = StoredTime.Write(Provider, now);
        await connection.ExecuteAsync(ActivationStore.Command(
            $"""
            INSERT INTO activation_delivery_records (delivery_id, activation_id, profile_id, operation, outcome, reason, attempt)
            SELECT @deliveryId, @activationId, r.profile_id, r.operation, r.outcome, r.reason, r.attempt
            FROM {JsonRows.Source(Provider, "rows", ("profile_id", "bigint"), ("operation", "text"), ("outcome", "text"), ("reason", "text"), ("attempt", "integer"))}
            """,
            new
            {
                deliveryId,
                activationId,
                rows = JsonRows.Of(outcomes.Select(o => new { profile_id = o.Change.ProfileId, operation = o.Change.Operation.ToString(), outcome = o.Result.Outcome.ToString(), reason = o.Result.Reason, attempt = o.Change.Attempt })),
            },
            cancellationToken, transaction));

        var accepted = outcomes.Where(o => o.Result.Outcome == RecordOutcome.Accepted).Select(o => o.Change).ToArray();
        if (accepted.Length > 0)
        {
            await RecordAcceptedAsync(connection, transaction, activationId, accepted, at, cancellationToken);
        }

        var failed = outcomes.Where(o => o.Result.Outcome != RecordOutcome.Accepted).ToArray();
        if (failed.Length > 0)
        {
            await RecordFailedAsync(connection, transaction, activationId, failed, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The destination now holds these: they become the next diff's base, and stop being failures.</summary>
    private async Task RecordAcceptedAsync(DbConnection connection, DbTransaction transaction, long activationId, MemberChange[] accepted, object at, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(ActivationStore.Command(
            $"""
            INSERT INTO activation_members (activation_id, profile_id, state, payload_hash, payload, delivered_at)
            SELECT @activationId, r.profile_id, r.state, r.payload_hash, r.payload, @at
            FROM {JsonRows.Source(Provider, "rows", ("profile_id", "bigint"), ("state", "text"), ("payload_hash", "text"), ("payload", "text"))} WHERE true
            ON CONFLICT (activation_id, profile_id) DO UPDATE SET state = excluded.state, payload_hash = excluded.payload_hash, payload = excluded.payload, delivered_at = excluded.delivered_at
            """,
            new
            {
                activationId,
                at,
                rows = JsonRows.Of(accepted.Select(c => c.Operation == RecordOperation.Remove
                    ? new { profile_id = c.ProfileId, state = MemberState.Absent, payload_hash = (string?)null, payload = (string?)null }
                    : new { profile_id = c.ProfileId, state = MemberState.Present, payload_hash = c.PayloadHash, payload = (string?)c.Data.ToJsonString() })),
            },
            cancellationToken, transaction));
        await connection.ExecuteAsync(ActivationStore.Command(
            $"DELETE FROM activation_pending WHERE activation_id = @activationId AND profile_id IN (SELECT r.profile_id FROM {JsonRows.Source(Provider, "rows", ("profile_id", "bigint"))})",
            new { activationId, rows = JsonRows.Of(accepted.Select(c => new { profile_id = c.ProfileId })) },
            cancellationToken, transaction));
    }

    /// <summary>Rejected or to retry: counted, with the reason and the time of the next attempt (first failure time kept).</summary>
    private async Task RecordFailedAsync(DbConnection connection, DbTransaction transaction, long activationId, (MemberChange Change, RecordResult Result)[] failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeType = Provider == StorageProvider.Postgres ? "timestamptz" : "integer";
        await connection.ExecuteAsync(ActivationStore.Command(
            $"""
            INSERT INTO activation_pending (activation_id, profile_id, operation, payload_hash, outcome, reason, attempts, first_failed_at, last_failed_at, next_attempt_at)
            SELECT @activationId, r.profile_id, r.operation, r.payload_hash, r.outcome, r.reason, r.attempt, @at, @at, r.next_attempt_at
            FROM {JsonRows.Source(Provider, "rows", ("profile_id", "bigint"), ("operation", "text"), ("payload_hash", "text"), ("outcome", "text"), ("reason", "text"), ("attempt", "integer"), ("next_attempt_at", timeType))} WHERE true
            ON CONFLICT (activation_id, profile_id) DO UPDATE SET operation = excluded.operation, payload_hash = excluded.payload_hash, outcome = excluded.outcome,
                reason = excluded.reason, attempts = excluded.attempts, last_failed_at = excluded.last_failed_at, next_attempt_at = excluded.next_attempt_at,
                first_failed_at = CASE WHEN excluded.attempts = 1 THEN excluded.first_failed_at ELSE activation_pending.first_failed_at END
            """,
            new
            {
                activationId,
                at = StoredTime.Write(Provider, now),
                rows = JsonRows.Of(failed.Select(o => new
                {
                    profile_id = o.Change.ProfileId,
                    operation = o.Change.Operation.ToString(),
                    payload_hash = o.Change.PayloadHash,
                    outcome = o.Result.Outcome.ToString(),
                    reason = o.Result.Reason,
                    attempt = o.Change.Attempt,
                    next_attempt_at = StoredTime.Write(Provider, now + RetryBackoff.After(o.Change.Attempt, options)),
                })),
            },
            cancellationToken, transaction));
    }
}
