using System.Globalization;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Destinations;
using Dapper;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>Reads the delivery ledger: an activation's runs with their counts and match rate, and its open failures.</summary>
public sealed class DeliveryQueries(HubDatabase database, IOptions<ActivationOptions> options)
{
    private const string RunColumns =
        "id AS Id, activation_id AS ActivationId, trigger AS Trigger, status AS Status, node AS Node, started_at AS StartedAt, finished_at AS FinishedAt, " +
        "adds AS Adds, removes AS Removes, updates AS Updates, sent AS Sent, accepted AS Accepted, rejected AS Rejected, retry AS Retry, deferred AS Deferred, error AS Error";

    /// <summary>The latest <paramref name="limit"/> runs of an activation, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> RunsAsync(long activationId, int limit, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, 0);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(ActivationStore.Command(
            $"SELECT {RunColumns} FROM activation_deliveries WHERE activation_id = @activationId ORDER BY id DESC LIMIT @limit", new { activationId, limit }, cancellationToken));
        return rows.Select(View).ToArray();
    }

    /// <summary>One run.</summary>
    public async Task<DeliveryView?> RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(ActivationStore.Command($"SELECT {RunColumns} FROM activation_deliveries WHERE id = @deliveryId", new { deliveryId }, cancellationToken));
        return row is null ? null : View(row);
    }

    /// <summary>Records not delivered yet (rejected or to retry), by profile id, a page at a time.</summary>
    public async Task<IReadOnlyList<RejectionView>> RejectionsAsync(long activationId, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ProfileId, string Operation, string Outcome, string? Reason, object Attempts, object FirstFailedAt, object LastFailedAt, object NextAttemptAt)>(ActivationStore.Command(
            """
            SELECT profile_id, operation, outcome, reason, attempts, first_failed_at, last_failed_at, next_attempt_at FROM activation_pending
            WHERE activation_id = @activationId ORDER BY profile_id LIMIT @limit OFFSET @offset
            """, new { activationId, limit, offset }, cancellationToken));
        return rows.Select(r =>
        {
            var attempts = Convert.ToInt32(r.Attempts, CultureInfo.InvariantCulture);
            return new RejectionView(r.ProfileId, Enum.Parse<RecordOperation>(r.Operation), Enum.Parse<RecordOutcome>(r.Outcome), r.Reason, attempts,
                StoredTime.Read(r.FirstFailedAt), StoredTime.Read(r.LastFailedAt), StoredTime.Read(r.NextAttemptAt), attempts >= options.Value.MaxAttempts);
        }).ToArray();
    }

    private static DeliveryView View(RunRow r) => new(
        r.Id, r.ActivationId, Enum.Parse<ActivationTrigger>(r.Trigger), Enum.Parse<DeliveryStatus>(r.Status), r.Node, StoredTime.Read(r.StartedAt), StoredTime.ReadNullable(r.FinishedAt),
        r.Adds, r.Removes, r.Updates, r.Sent, r.Accepted, r.Rejected, r.Retry, r.Deferred, r.Sent == 0 ? null : Math.Round((double)r.Accepted / r.Sent, 4), r.Error);

    private sealed class RunRow
    {
        public long Id { get; set; }

        public long ActivationId { get; set; }

        public string Trigger { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string Node { get; set; } = string.Empty;

        public object StartedAt { get; set; } = 0L;

        public object? FinishedAt { get; set; }

        public long Adds { get; set; }

        public long Removes { get; set; }

        public long Updates { get; set; }

        public long Sent { get; set; }

        public long Accepted { get; set; }

        public long Rejected { get; set; }

        public long Retry { get; set; }

        public long Deferred { get; set; }

        public string? Error { get; set; }
    }
}
