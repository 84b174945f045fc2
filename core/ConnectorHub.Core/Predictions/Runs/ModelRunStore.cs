using System.Data.Common;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>
/// The rows of training runs. A run's Running row is its lease on the model (<see cref="ModelRunLease"/>): it is
/// opened only when no other run of the model holds one (a stale one is closed first), and every later write renews
/// it in the write's own transaction, so a run that lost it changes nothing.
/// </summary>
internal sealed class ModelRunStore(HubDatabase database)
{
    private const string Running = nameof(ModelRunStatus.Running);

    private StorageProvider Provider => database.Provider;

    /// <summary>
    /// Opens a Running row for <paramref name="modelId"/>; null when another run holds the model. A Running row whose
    /// heartbeat is older than <paramref name="staleBefore"/> belongs to a node that died or stalled: it is closed as
    /// Failed and this run takes over.
    /// </summary>
    public async Task<long?> StartAsync(long modelId, ModelRunTrigger trigger, string node, ModelSettings settings, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the stale row is looked at.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            UPDATE predictive_model_runs SET status = @failed, finished_at = @now, reason = @reason
            WHERE model_id = @modelId AND status = @running AND heartbeat_at < @staleBefore
            """,
            new
            {
                modelId,
                failed = nameof(ModelRunStatus.Failed),
                running = Running,
                now = Time(now),
                staleBefore = Time(staleBefore),
                reason = "The hub node running it stopped or was not heard from before it finished; another run took the model over. The published version stands.",
            }, transaction, cancellationToken));
        var id = await connection.ExecuteScalarAsync<long?>(Command(
            $"""
            INSERT INTO predictive_model_runs (model_id, trigger, status, node, as_of, settings, started_at, heartbeat_at)
            VALUES (@modelId, @trigger, @running, @node, @now, {Json("@settings")}, @now, @now)
            ON CONFLICT DO NOTHING RETURNING id
            """,
            new { modelId, trigger = trigger.ToString(), running = Running, node, now = Time(now), settings = PredictionJson.Write(settings) }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Renews the lease of <paramref name="runId"/> inside <paramref name="transaction"/>; false when it is gone.</summary>
    public async Task<bool> RenewAsync(DbConnection connection, DbTransaction? transaction, long runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Command(
            "UPDATE predictive_model_runs SET heartbeat_at = @now WHERE id = @runId AND status = @running",
            new { runId, now = Time(now), running = Running }, transaction, cancellationToken)) == 1;

    /// <summary>
    /// Opens a write transaction of <paramref name="runId"/> with its lease renewed first (on PostgreSQL the row stays
    /// locked until commit, so no takeover slips in between, and the server ends the transaction if this node freezes
    /// in it); throws <see cref="ModelRunLeaseLostException"/> when the lease is gone.
    /// </summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginFencedAsync(long runId, DateTimeOffset now, TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (Provider == StorageProvider.Postgres)
            {
                await StalledTransactions.EndAfterAsync(connection, transaction, stalledAfter, cancellationToken);
            }

            if (!await RenewAsync(connection, transaction, runId, now, cancellationToken))
            {
                throw new ModelRunLeaseLostException(runId);
            }

            return (connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives the run the model's next version (inside a fenced transaction).</summary>
    public static async Task<int> AssignVersionAsync(DbConnection connection, DbTransaction transaction, long runId, long modelId, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<int>(Command(
            "SELECT COALESCE(max(version), 0) + 1 FROM predictive_model_runs WHERE model_id = @modelId", new { modelId }, transaction, cancellationToken));
        await connection.ExecuteAsync(Command("UPDATE predictive_model_runs SET version = @version WHERE id = @runId", new { runId, version }, transaction, cancellationToken));
        return version;
    }

    /// <summary>Writes the run's report (inside a fenced transaction).</summary>
    public Task ReportAsync(DbConnection connection, DbTransaction transaction, long runId, RunReport report, long scored, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            $"UPDATE predictive_model_runs SET report = {Json("@report")}, scored = @scored WHERE id = @runId",
            new { runId, report = PredictionJson.Write(report), scored }, transaction, cancellationToken));

    /// <summary>Ends the run as <paramref name="status"/> if it still holds its lease; false when it was taken over meanwhile.</summary>
    public async Task<bool> FinishAsync(long runId, ModelRunStatus status, string? reason, DateTimeOffset now)
    {
        // Not the run's token: a cancelled run still records how it ended.
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteAsync(Command(
            "UPDATE predictive_model_runs SET status = @status, reason = @reason, finished_at = @now WHERE id = @runId AND status = @running",
            new { runId, status = status.ToString(), reason, now = Time(now), running = Running }, null, CancellationToken.None)) == 1;
    }

    /// <summary>Ends the run as <paramref name="status"/> inside a fenced transaction.</summary>
    public Task CloseAsync(DbConnection connection, DbTransaction transaction, long runId, ModelRunStatus status, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            "UPDATE predictive_model_runs SET status = @status, reason = @reason, finished_at = @now WHERE id = @runId",
            new { runId, status = status.ToString(), reason, now = Time(now) }, transaction, cancellationToken));

    private object Time(DateTimeOffset value) => StoredTime.Write(Provider, value);

    private string Json(string parameter) => Provider == StorageProvider.Postgres ? parameter + "::jsonb" : parameter;

    internal static CommandDefinition Command(string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken);
}
