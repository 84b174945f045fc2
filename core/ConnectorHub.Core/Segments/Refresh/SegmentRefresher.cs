using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Segments.Refresh;

/// <summary>
/// Refreshes a segment: recomputes the computed traits its rule uses, evaluates the rule into a temp table, then in
/// ONE transaction closes the memberships no longer matched, opens the new ones and updates the count, all
/// set-based. Two refreshes of one segment never interleave (an advisory lock on PostgreSQL, the write lock on
/// SQLite); on PostgreSQL a refresh whose node stalls mid-transaction is ended by the server after
/// <see cref="SegmentOptions.StalledRefreshTimeout"/>, so it frees the lock and commits nothing when it wakes. After commit every <see cref="ISegmentRefreshListener"/> hears the diff.
/// </summary>
public sealed class SegmentRefresher(
    HubDatabase database,
    TimeProvider time,
    ComputedTraitService computedTraits,
    IEnumerable<ISegmentRefreshListener> listeners,
    IOptions<SegmentOptions> options,
    ILogger<SegmentRefresher> logger)
{
    private const int LockClass = 0x53474D54; // "SGMT": the advisory lock namespace of segment refreshes

    private readonly SegmentDefinitions _definitions = new(database);

    /// <summary>Refreshes the segment <paramref name="segmentId"/> now and returns what changed.</summary>
    public async Task<SegmentRefreshed> RefreshAsync(long segmentId, CancellationToken cancellationToken)
    {
        var references = await _definitions.LoadAsync(cancellationToken);
        if (!references.Segments.TryGetValue(segmentId, out var rule))
        {
            throw NotFoundException.For("segment", segmentId);
        }

        foreach (var name in SegmentDefinitions.ComputedTraitsOf(rule, references))
        {
            await computedTraits.RefreshAsync(references.ComputedTraitId(name), cancellationToken);
        }

        var refreshed = await ApplyAsync(segmentId, rule, references, cancellationToken);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnRefreshedAsync(refreshed, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Segment {SegmentId}: the refresh listener {Listener} failed: {Message} The refresh itself is committed.", segmentId, listener.GetType().Name, ex.Message);
            }
        }

        return refreshed;
    }

    private async Task<SegmentRefreshed> ApplyAsync(long segmentId, RuleNode rule, RuleReferences references, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // SQLite: BeginTransaction starts BEGIN IMMEDIATE, taking the write lock before anything is read.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var postgres = database.Provider == StorageProvider.Postgres;
        if (postgres)
        {
            await TransactionLock.TakeAsync(connection, transaction, LockClass, unchecked((int)segmentId), options.Value.StalledRefreshTimeout, cancellationToken);
            await Execute(connection, transaction, "SET LOCAL work_mem = '256MB'", null, cancellationToken);
        }

        // The clock is read under the lock, so a later refresh never records an earlier time.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var compiled = new RuleCompiler(database.Provider, now, references).Compile(rule);
        await Execute(connection, transaction, postgres
            ? $"CREATE TEMP TABLE segment_refresh_ids ON COMMIT DROP AS {compiled.SelectIds}; ANALYZE segment_refresh_ids"
            : $"DROP TABLE IF EXISTS temp.segment_refresh_ids; CREATE TEMP TABLE segment_refresh_ids (id INTEGER PRIMARY KEY); INSERT INTO segment_refresh_ids {compiled.SelectIds}",
            compiled.Parameters, cancellationToken);

        var at = StoredTime.Write(database.Provider, now);
        var exited = await Execute(connection, transaction, """
            UPDATE segment_memberships SET exited_at = @at
            WHERE segment_id = @segmentId AND exited_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM segment_refresh_ids n WHERE n.id = segment_memberships.profile_id)
            """, new { segmentId, at }, cancellationToken);
        var entered = await Execute(connection, transaction, """
            INSERT INTO segment_memberships (segment_id, profile_id, entered_at)
            SELECT @segmentId, n.id, @at FROM segment_refresh_ids n
            WHERE NOT EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = @segmentId AND m.profile_id = n.id AND m.exited_at IS NULL)
            """, new { segmentId, at }, cancellationToken);
        var members = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM segment_refresh_ids", transaction: transaction, cancellationToken: cancellationToken));
        await Execute(connection, transaction, "UPDATE segments SET member_count = @members, last_refreshed_at = @at WHERE id = @segmentId", new { segmentId, members, at }, cancellationToken);
        if (!postgres)
        {
            await Execute(connection, transaction, "DROP TABLE temp.segment_refresh_ids", null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Segment {SegmentId} refreshed: {Entered} entered, {Exited} exited, {Members} members.", segmentId, entered, exited, members);
        return new SegmentRefreshed(segmentId, entered, exited, members, now);
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 600, cancellationToken: cancellationToken));
}
